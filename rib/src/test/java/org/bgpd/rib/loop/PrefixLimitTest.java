package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Max-prefix counting in the RIB (RFC 4486 §4 reports it; the session reacts). */
class PrefixLimitTest {
    static final int P = 1;
    record Crossing(int peer, Family family, long limit, int count) {}

    final RibHarness h = new RibHarness();
    final List<Crossing> crossings = new ArrayList<>();
    final Attrs attrs = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").build();
    final Attrs other = TestAttrs.attrs().path(65001, 65002).nextHop("10.0.0.1").build();
    final int ch = Channels.index(P, Family.IPV4_UNICAST);

    @BeforeEach
    void setUp() {
        h.peer(P, 65001, false);
    }

    private void limit(long n, boolean block) {
        h.rib.offer(new RibCommand.PrefixLimit(P, Family.IPV4_UNICAST, n, block,
                (peer, f, limit, count) -> crossings.add(new Crossing(peer, f, limit, count))));
        h.up(P, BOTH);
    }

    static Prefix p(int i) { return Prefix.parse("10." + i + ".0.0/16"); }

    @Test
    void warnsOnceWhenTheCountPassesTheLimit() {
        limit(2, false);
        h.announce(P, attrs, p(1), p(2));
        h.settle();
        assertEquals(List.of(), crossings, "at the limit is not past it");
        h.announce(P, attrs, p(3));
        h.announce(P, attrs, p(4));
        h.settle();
        assertEquals(List.of(new Crossing(P, Family.IPV4_UNICAST, 2, 3)), crossings);
        assertEquals(4, h.rib.locRib().size(), "without block every route is kept");
    }

    @Test
    void blockRefusesNewPrefixesButTakesReplacementsAndWithdrawals() {
        limit(2, true);
        h.announce(P, attrs, p(1), p(2), p(3));
        h.settle();
        assertEquals(2, h.rib.adjRibIn(ch).size());
        assertEquals(List.of(new Crossing(P, Family.IPV4_UNICAST, 2, 3)), crossings);
        h.announce(P, other, p(1));
        h.settle();
        assertEquals(other.nextHop(), h.rib.attrsTable().get(h.rib.adjRibIn(ch).get(p(1).packed())).nextHop());
        h.withdraw(P, p(2));
        h.announce(P, attrs, p(4));
        h.settle();
        assertEquals(2, h.rib.adjRibIn(ch).size());
        assertEquals(0, h.rib.adjRibIn(ch).get(p(2).packed()));
        assertEquals(1, crossings.size(), "a crossing is reported once");
    }

    @Test
    void aNewSessionReportsAgain() {
        limit(1, false);
        h.announce(P, attrs, p(1), p(2));
        h.settle();
        h.rib.offer(new RibCommand.PeerDown(P));
        h.up(P, BOTH);
        h.announce(P, attrs, p(1), p(2));
        h.settle();
        assertEquals(2, crossings.size());
    }
}
