package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.Test;

/** Selection deferral of a restarting speaker (RFC 4724 §4.1), driven through {@link RibLoop#turn()}. */
class DeferExportTest {
    static final int A = 1, B = 2;
    final RibHarness h = new RibHarness();
    final Prefix p1 = Prefix.parse("192.0.2.0/24"), p2 = Prefix.parse("198.51.100.0/24");
    final Attrs attrs = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").build();

    @Test
    void nothingIsSentUntilDeferralEndsThenTheTableAndEndOfRib() {
        h.peer(A, 65001, false);
        h.peer(B, 65002, false);
        h.rib.offer(new RibCommand.DeferExport(true));
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        h.rib.offer(new RibCommand.PeerUp(A, A, BOTH, RibHarness.ENCODE, a));
        h.rib.offer(new RibCommand.PeerUp(B, B, BOTH, RibHarness.ENCODE, b));
        h.settle();
        h.announce(A, attrs, p1, p2);
        h.withdraw(A, p2);
        h.settle();
        assertEquals(List.of(), b.take(), "no partial table, no End-of-RIB while deferred");
        assertEquals(List.of(), a.take());
        assertEquals(1, h.rib.locRib().size(), "routes are still taken and decided meanwhile");

        h.rib.offer(new RibCommand.DeferExport(false));
        h.settle();
        List<RecordingSink.Event> ev = b.take();
        assertEquals(List.of(p1), ev.stream().filter(e -> e.kind().equals("announce")).flatMap(e -> e.nlri().stream()).toList());
        assertFalse(ev.stream().anyMatch(e -> e.kind().equals("withdraw")), "p2 never reached the peer, so no withdrawal");
        assertEquals(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST),
                Set.copyOf(ev.stream().filter(e -> e.kind().equals("eor")).map(RecordingSink.Event::family).toList()));
        RecordingSink.Event last = ev.get(ev.size() - 1);
        assertEquals("eor", last.kind(), "End-of-RIB after the routes");
        assertEquals(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST),
                Set.copyOf(a.take().stream().filter(e -> e.kind().equals("eor")).map(RecordingSink.Event::family).toList()));
    }

    @Test
    void changesWhileDeferredReachAnEstablishedPeerOnlyAfterwards() {
        h.peer(A, 65001, false);
        h.peer(B, 65002, false);
        h.up(A, BOTH);
        RecordingSink b = h.up(B, BOTH);
        h.rib.offer(new RibCommand.DeferExport(true));
        h.announce(A, attrs, p1);
        h.settle();
        assertEquals(List.of(), b.take());
        h.rib.offer(new RibCommand.DeferExport(false));
        h.settle();
        List<RecordingSink.Event> ev = b.take();
        assertEquals(1, ev.size());
        assertEquals(List.of(p1), ev.get(0).nlri());
    }
}
