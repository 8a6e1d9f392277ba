package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.ENCODE;
import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** {@link RibCommand.Refeed}: route refresh re-sends one member's Adj-RIB-Out, framed by the markers. */
class RefeedTest {
    static final int E1 = 1, E2 = 2, E3 = 3;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final byte[] BEGIN = {1};
    static final byte[] END = {2};
    final Prefix a = Prefix.parse("192.0.2.0/26");
    final Prefix b = Prefix.parse("198.51.100.0/24");
    final RibHarness h = new RibHarness();

    /** Keeps every message in order; passes UPDATEs on to a {@link RecordingSink} to decode. */
    static final class MarkedSink implements org.bgpd.rib.adjout.SessionSink {
        final RecordingSink updates = new RecordingSink();
        final List<byte[]> all = new ArrayList<>();

        @Override
        public void send(byte[] m) {
            all.add(m);
            if (m.length > 1) updates.send(m);
        }
    }

    static Attrs ebgp(String nh, int as) {
        return new AttrsBuilder().nextHop(NextHop.parse(nh)).asPath(as).build();
    }

    private MarkedSink upMarked(int index) {
        MarkedSink s = new MarkedSink();
        h.rib.offer(new RibCommand.PeerUp(index, index, V4, ENCODE, s));
        h.settle();
        return s;
    }

    @Test
    void aRefreshResendsTheCurrentTableBetweenTheMarkersToThatMemberOnly() {
        h.peer(E1, 65001, false);
        h.peer(E2, 65002, false);
        h.peer(E3, 65003, false);
        RecordingSink e1 = h.up(E1, V4);
        MarkedSink e2 = upMarked(E2);
        MarkedSink e3 = upMarked(E3);
        h.announce(E1, ebgp("10.0.0.1", 65001), a, b);
        h.settle();
        e2.all.clear();
        e2.updates.take();
        e3.all.clear();
        int e1Before = e1.events.size();

        h.rib.offer(new RibCommand.Refeed(E2, Family.IPV4_UNICAST, BEGIN, END));
        h.settle();

        assertSame(BEGIN, e2.all.getFirst());
        assertSame(END, e2.all.getLast());
        assertEquals(List.of(a, b), List.copyOf(e2.updates.table().keySet()));
        assertTrue(e3.all.isEmpty(), "other members of the group are not refreshed");
        assertEquals(e1Before, e1.events.size(), "the source gets nothing");
    }

    @Test
    void withoutMarkersOnlyTheRoutesAreSentAndNoEndOfRib() {
        h.peer(E1, 65001, false);
        h.peer(E2, 65002, false);
        h.up(E1, V4);
        RecordingSink e2 = h.up(E2, V4);
        h.announce(E1, ebgp("10.0.0.1", 65001), a);
        h.settle();
        e2.take();

        h.rib.offer(new RibCommand.Refeed(E2, Family.IPV4_UNICAST, null, null));
        h.settle();

        List<RecordingSink.Event> got = e2.take();
        assertEquals(1, got.size(), got.toString());
        assertEquals("announce", got.getFirst().kind());
        assertEquals(List.of(a), got.getFirst().nlri());
    }

    @Test
    void aFamilyThatIsNotUpIsIgnored() {
        h.peer(E1, LOCAL_AS + 1, false);
        MarkedSink e1 = upMarked(E1);
        e1.all.clear();
        h.rib.offer(new RibCommand.Refeed(E1, Family.IPV6_UNICAST, BEGIN, END));
        h.settle();
        assertTrue(e1.all.isEmpty());
    }
}
