package org.bgpd.fuzz;

import static org.bgpd.fuzz.DecodeInvariants.check;
import static org.bgpd.fuzz.DecodeInvariants.require;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.MessageDecoder;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.ShutdownCommunication;
import org.bgpd.wire.Update;

/**
 * Coverage-guided fuzz targets over everything that parses a peer's bytes (RFC 7606 "proved by
 * fuzzing"). In a plain {@code mvn test} Jazzer replays the committed inputs under
 * {@code src/test/resources/org/bgpd/fuzz/DecoderFuzzTestInputs/<method>/} as regression tests;
 * {@code scripts/fuzz} runs one target for as long as you like. Every input must end in a
 * decoded message, a treat-as-withdraw / discard / disable result, or a NOTIFICATION; any
 * exception, or a broken {@link DecodeInvariants} check, is a finding.
 */
class DecoderFuzzTest {

    /** One framed message of any type, header included, through MessageDecoder and, for an UPDATE, UpdateDecoder. */
    @FuzzTest(maxDuration = "")
    void message(byte[] input) {
        FuzzInput in = FuzzInput.of(input);
        MessageDecoder.Result r = MessageDecoder.decode(in.data(), in.off(), in.len(), in.maxLength());
        switch (r) {
            case MessageDecoder.Malformed m -> check(m.error(), in.maxLength());
            case MessageDecoder.Decoded d -> decoded(d.message(), in);
        }
    }

    /** An UPDATE body (no header) through UpdateDecoder, then through a RIB and back out to a second peer. */
    @FuzzTest(maxDuration = "")
    void update(byte[] input) {
        FuzzInput in = FuzzInput.of(input);
        InboundUpdate u = UpdateDecoder.decode(in.data(), in.off(), in.len(), in.context());
        check(u, in.context(), in.maxLength());
        if (u.usable()) RibRoundTrip.check(u, in.context());
    }

    private static void decoded(BgpMessage m, FuzzInput in) {
        require(m != null, "null message");
        if (m instanceof Update up) {
            check(UpdateDecoder.decode(up.body(), in.context()), in.context(), in.maxLength());
            return;
        }
        if (m instanceof Notification n) {
            NotifyCode.describe(n.code(), n.subcode());
            ShutdownCommunication.decode(n);
        }
        // What we decode we must be able to write back and read as the same message.
        byte[] again = MessageEncoder.encode(m);
        MessageDecoder.Result r = MessageDecoder.decode(again, 0, again.length, in.maxLength());
        require(r instanceof MessageDecoder.Decoded, "re-encoded " + m + " does not decode: " + r);
        assertEquals(m, ((MessageDecoder.Decoded) r).message());
    }
}
