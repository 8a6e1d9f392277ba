package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graceful restart, receiving speaker (RFC 4724 §4.2), driven through {@link RibLoop#turn()}. */
class StaleRoutesTest {
    static final int R = 1, OTHER = 2;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    final RibHarness h = new RibHarness();
    final Prefix a = Prefix.parse("192.0.2.0/24"), b = Prefix.parse("198.51.100.0/24"), c = Prefix.parse("203.0.113.0/24");
    final Prefix v6 = Prefix.parse("2001:db8:1::/48");
    final Attrs attrs = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").build();
    final Attrs attrs6 = TestAttrs.attrs().path(65001).nextHop("2001:db8::1").build();
    final int ch4 = Channels.index(R, Family.IPV4_UNICAST), ch6 = Channels.index(R, Family.IPV6_UNICAST);
    RecordingSink other;

    @BeforeEach
    void setUp() {
        h.peer(R, 65001, false);
        h.peer(OTHER, 65002, false);
        h.up(R, BOTH);
        other = h.up(OTHER, BOTH);
        h.announce(R, attrs, a, b, c);
        h.announce(R, attrs6, v6);
        h.settle();
        assertEquals(4, other.take().stream().mapToInt(e -> e.nlri().size()).sum(), "three IPv4 and one IPv6 route reach the other peer");
    }

    @Test
    void staleRoutesStayAndReSentOnesAreNotReAdvertised() {
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.settle();
        assertEquals(3, h.rib.locRib().size());
        assertEquals(3, h.rib.staleRoutes(ch4));
        assertEquals(List.of(), other.take(), "nothing withdrawn from other peers while stale");

        RecordingSink back = new RecordingSink();
        h.rib.offer(new RibCommand.PeerUp(R, R, BOTH, RibHarness.ENCODE, back));
        h.announce(R, attrs, a, b); // c is not re-sent
        h.settle();
        assertEquals(1, h.rib.staleRoutes(ch4));
        assertEquals(List.of(), other.take(), "same attributes: no change reaches other peers");

        h.receive(R, new byte[4]); // IPv4 End-of-RIB: an empty UPDATE (RFC 4724 §2)
        h.settle();
        assertEquals(0, h.rib.staleRoutes(ch4));
        assertEquals(2, h.rib.locRib().size());
        List<RecordingSink.Event> ev = other.take();
        assertEquals(1, ev.size());
        assertEquals("withdraw", ev.get(0).kind());
        assertEquals(List.of(c), ev.get(0).nlri());
        assertTrue(h.rib.endOfRibReceived(ch4));
        assertEquals(1, h.rib.locRib(Family.IPV6_UNICAST).size(), "IPv6 still waits for its own End-of-RIB");
        assertEquals(1, h.rib.staleRoutes(ch6));
    }

    @Test
    void changedAttributesReplaceTheStaleRoute() {
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.rib.offer(new RibCommand.PeerUp(R, R, BOTH, RibHarness.ENCODE, new RecordingSink()));
        Attrs longer = TestAttrs.attrs().path(65001, 65009).nextHop("10.0.0.1").build();
        h.announce(R, longer, a);
        h.settle();
        List<RecordingSink.Event> ev = other.take();
        assertEquals(1, ev.size());
        assertEquals("announce", ev.get(0).kind());
        assertEquals(List.of(a), ev.get(0).nlri());
        assertEquals(2, h.rib.staleRoutes(ch4));
    }

    @Test
    void staleTimerFlushesWhatIsLeft() {
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.settle();
        h.rib.offer(new RibCommand.FlushStale(R, Family.IPV4_UNICAST));
        h.rib.offer(new RibCommand.FlushStale(R, Family.IPV6_UNICAST));
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size());
        assertEquals(0, h.rib.staleRoutes(ch4));
        assertEquals(0, h.rib.adjRibIn(ch4).size());
    }

    @Test
    void familiesNotKeptAreFlushedAtOnce() {
        h.rib.offer(new RibCommand.PeerStale(R, V4));
        h.settle();
        assertEquals(3, h.rib.locRib().size());
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size());
        assertFalse(h.rib.staleRoutes(ch6) > 0);
    }

    @Test
    void aPlainPeerDownFlushesStaleRoutes() {
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.settle();
        h.rib.offer(new RibCommand.PeerDown(R));
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertEquals(0, h.rib.staleRoutes(ch4));
        assertEquals(0, h.rib.adjRibIn(ch4).size());
    }

    @Test
    void endOfRibOrFlushStaleForAChannelNeverOpenedIsIgnored() {
        int far = 100; // a channel index beyond the RIB's initial arrays
        h.peer(far, 65100, false);
        h.up(far, V4);
        byte[] eor6 = {0, 0, 0, 6, (byte) 0x80, 15, 3, 0, 2, 1}; // an empty MP_UNREACH_NLRI: IPv6 End-of-RIB
        h.receive(far, eor6);
        h.rib.offer(new RibCommand.FlushStale(far + 1000, Family.IPV6_UNICAST));
        h.settle();
        assertEquals(3, h.rib.locRib().size(), "the RIB carried on");
    }

    @Test
    void aSecondRestartKeepsTheRoutesStale() {
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.rib.offer(new RibCommand.PeerUp(R, R, BOTH, RibHarness.ENCODE, new RecordingSink()));
        h.announce(R, attrs, a);
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.settle();
        assertEquals(3, h.rib.staleRoutes(ch4));
        assertEquals(3, h.rib.locRib().size());
        assertEquals(List.of(), other.take());
    }

}
