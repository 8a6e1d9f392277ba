package org.bgpd.fuzz;

import static org.bgpd.fuzz.DecodeInvariants.require;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;

/**
 * Feeds one decoded UPDATE through a fresh RIB from peer 1 and checks what peer 2 receives: our
 * own UPDATEs must decode without any error, and once peer 1 goes down the RIB is empty again.
 * Owned by the calling (fuzzing) thread; not thread-safe.
 */
final class RibRoundTrip {
    static final int SENDER = 1, RECEIVER = 2, RECEIVER_AS = 65002;
    static final EncodeContext ENCODE = EncodeContext.of(NextHop.parse("10.0.0.254"), NextHop.parse("2001:db8::fe"));
    static final DecodeContext RECEIVE = DecodeContext.of(false, RECEIVER_AS);
    /** Far more turns than one UPDATE can need; a RIB still busy after them is a finding. */
    static final int MAX_TURNS = 10_000;

    private RibRoundTrip() {}

    static void check(InboundUpdate u, DecodeContext senderCtx) {
        RibLoop rib = new RibLoop(0x0A00_00FF, DecisionOptions.defaults(), null, 64, 64);
        int senderAs = senderCtx.ibgp() ? FuzzInput.LOCAL_AS : 65001;
        rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(SENDER, "10.0.0.1", senderAs, FuzzInput.LOCAL_AS, 1, false)));
        rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(RECEIVER, "10.0.0.2", RECEIVER_AS, FuzzInput.LOCAL_AS, 2, false)));
        List<byte[]> sent = new ArrayList<>();
        Set<Family> all = EnumSet.allOf(Family.class);
        rib.offer(new RibCommand.PeerUp(SENDER, 1, senderCtx.families(), ENCODE, m -> {}));
        rib.offer(new RibCommand.PeerUp(RECEIVER, 2, all, ENCODE, sent::add));
        rib.offer(new RibCommand.Update(SENDER, u));
        settle(rib);
        for (byte[] m : sent) {
            InboundUpdate back = UpdateDecoder.decode(m, EncodeContext.HEADER_SIZE, m.length - EncodeContext.HEADER_SIZE, RECEIVE);
            require(back.action() == ErrorAction.NONE, "our own UPDATE decodes with " + back.action() + ": " + back.error());
        }
        rib.offer(new RibCommand.PeerDown(SENDER));
        settle(rib);
        for (Family f : Family.values()) require(rib.locRib(f).size() == 0, f + " Loc-RIB not empty after the sender went down");
    }

    private static void settle(RibLoop rib) {
        for (int i = 0; i < MAX_TURNS; i++) if (rib.turn() == 0 && !rib.walking()) return;
        throw new AssertionError("RIB still busy after " + MAX_TURNS + " turns");
    }
}
