package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.bgpd.rib.wire.WireError;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid messages: the decoder returns a result for every input, never an
 * exception, and whatever it accepts re-encodes to something it accepts as the same message.
 */
class MutatedInputTest {

    @Test
    void mutatedMessagesNeverThrow() {
        Random random = new Random(7606);
        RandomMessages gen = new RandomMessages(7607);
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = MessageEncoder.encode(gen.any());
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                // Bias towards the header and the fixed OPEN fields, where the checks are.
                int at = random.nextInt(4) == 0 ? random.nextInt(frame.length) : random.nextInt(Math.min(frame.length, 40));
                frame[at] = (byte) random.nextInt(256);
            }
            MessageDecoder.Result r = MessageDecoder.decode(frame, 0, frame.length, 65535);
            switch (r) {
                case MessageDecoder.Malformed m -> {
                    malformed++;
                    WireError e = m.error();
                    assertNotNull(NotifyCode.of(e.code(), e.subcode()), e::toString);
                }
                case MessageDecoder.Decoded d -> {
                    byte[] again = MessageEncoder.encode(d.message());
                    MessageDecoder.Result r2 = MessageDecoder.decode(again, 0, again.length, 65535);
                    assertEquals(new MessageDecoder.Decoded(d.message()), r2);
                }
            }
        }
        assertEquals(true, malformed > 1000, "mutations must reach the error paths, got " + malformed);
    }
}
