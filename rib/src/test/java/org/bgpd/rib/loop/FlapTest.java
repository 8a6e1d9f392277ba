package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefixes;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.testing.TestAttrs;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

/**
 * 1,000 session flaps of a peer carrying 10,000 routes, half of them plain drops and half
 * graceful (stale, re-sent, End-of-RIB), while a second peer receives everything: the RIB's own
 * counters (Loc-RIB, Adj-RIB-In and Adj-RIB-Out sizes, interned attribute sets, update groups,
 * stale routes) and the FIB the RIB feeds (the kernel table's stand-in: the routes handed to
 * fib-sync) end where they started, so nothing leaks per flap. Counters, not GC timing.
 */
class FlapTest {
    static final int FLAPPER = 1, RECEIVER = 2, ROUTES = 10_000, FLAPS = 1_000, ATTR_SETS = 10;

    final RibHarness h = new RibHarness();
    final int ch = Channels.index(FLAPPER, Family.IPV4_UNICAST);

    @Test
    void flapsLeaveTheRibAtItsStartingSize() {
        h.peer(FLAPPER, 65001, false);
        h.peer(RECEIVER, 65002, false);
        CountingSink receiver = new CountingSink();
        h.rib.offer(new RibCommand.PeerUp(RECEIVER, RECEIVER, BOTH, RibHarness.ENCODE, receiver));
        h.settle();
        int attrsBefore = h.rib.attrsTable().size();
        int groupsBefore = h.rib.groups(Family.IPV4_UNICAST).size();

        List<InboundUpdate> table = table();
        up(table);
        int attrsUp = h.rib.attrsTable().size();
        assertEquals(ROUTES, h.rib.locRib().size());
        assertEquals(ROUTES, h.rib.adjRibIn(ch).size());
        assertEquals(ROUTES, receiverGroupSize());
        assertEquals(ROUTES, h.fib.routes.size());
        assertEquals(attrsBefore + 2 * ATTR_SETS, attrsUp, "each received set and its exported rewrite");

        for (int i = 0; i < FLAPS; i++) {
            if (i % 2 == 0) {
                h.rib.offer(new RibCommand.PeerDown(FLAPPER));
                h.settle();
                assertEquals(0, h.rib.locRib().size());
                up(table);
            } else {
                h.rib.offer(new RibCommand.PeerStale(FLAPPER, BOTH));
                h.settle();
                up(table);
                h.rib.offer(new RibCommand.Update(FLAPPER, endOfRib()));
                h.settle();
                assertEquals(0, h.rib.staleRoutes(ch));
            }
            assertEquals(ROUTES, h.rib.locRib().size(), "flap " + i);
            assertEquals(ROUTES, h.fib.routes.size(), "FIB after flap " + i);
        }
        assertEquals(ROUTES, h.rib.adjRibIn(ch).size());
        assertEquals(ROUTES, receiverGroupSize());
        assertEquals(attrsUp, h.rib.attrsTable().size());
        assertEquals(groupsBefore, h.rib.groups(Family.IPV4_UNICAST).size(), "the flapper rejoins the receiver's group, no group left behind");

        h.rib.offer(new RibCommand.PeerDown(FLAPPER));
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertEquals(0, h.rib.locRib().routeCount());
        assertEquals(0, receiverGroupSize());
        assertEquals(0, h.fib.routes.size(), "every FIB route removed");
        assertEquals(attrsBefore, h.rib.attrsTable().size(), "every interned set released");
        assertEquals(groupsBefore, h.rib.groups(Family.IPV4_UNICAST).size());
        assertEquals(0, pendingOut(), "no pending changes left behind");
        assertEquals(0, h.rib.prefixKeys().index(Family.IPV4_UNICAST).size(), "every prefix slot freed");
        assertEquals(ROUTES, h.rib.prefixKeys().index(Family.IPV4_UNICAST).limit(), "freed slots reused, not grown per flap");
    }

    private void up(List<InboundUpdate> table) {
        h.rib.offer(new RibCommand.PeerUp(FLAPPER, FLAPPER, BOTH, RibHarness.ENCODE, m -> {}));
        for (InboundUpdate u : table) h.rib.offer(new RibCommand.Update(FLAPPER, u));
        h.settle();
    }

    private int receiverGroupSize() {
        for (var g : h.rib.groups(Family.IPV4_UNICAST)) if (g.hasMember(RECEIVER)) return g.adjRibOut().size();
        throw new AssertionError("receiver in no group");
    }

    private int pendingOut() {
        int n = 0;
        for (var g : h.rib.groups(Family.IPV4_UNICAST)) n += g.adjRibOut().pendingCount();
        return n;
    }

    /** 10,000 /24s under 10 attribute sets, decoded once: InboundUpdate is immutable, so each flap re-sends the same records. */
    private static List<InboundUpdate> table() {
        List<InboundUpdate> out = new ArrayList<>();
        DecodeContext ctx = DecodeContext.of(false, RibHarness.LOCAL_AS);
        int perSet = ROUTES / ATTR_SETS;
        for (int s = 0; s < ATTR_SETS; s++) {
            Attrs a = TestAttrs.attrs().path(65001, 64600 + s).nextHop("10.0.0.1").build();
            NlriList.Builder b = NlriList.builder(Family.IPV4_UNICAST, false, perSet);
            for (int i = 0; i < perSet; i++) {
                int n = s * perSet + i;
                b.addV4(Prefixes.v4(0x0A00_0000 | n << 8, 24), 0);
            }
            for (byte[] body : new UpdateEncoder(RibHarness.ENCODE).announce(a, b.build())) out.add(UpdateDecoder.decode(body, ctx));
        }
        return out;
    }

    private static InboundUpdate endOfRib() {
        return UpdateDecoder.decode(new byte[4], DecodeContext.of(false, RibHarness.LOCAL_AS));
    }

    /** Counts messages; keeps nothing, so the test's own heap stays flat. */
    static final class CountingSink implements org.bgpd.rib.adjout.SessionSink {
        long messages;

        @Override
        public void send(byte[] message) { messages++; }
    }
}
