package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.rib.policy.Condition;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.Policy;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.PrefixRange;
import org.bgpd.rib.policy.Rule;
import org.bgpd.rib.policy.Verdict;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.NextHopMode;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.testing.OpenPolicies;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** A changed export (rr-client, next-hop mode, export chain) on a live session: regroup and send the difference. */
class RegroupTest {
    static final int I1 = 1, I2 = 2, I3 = 3, E1 = 4;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    final RibHarness h = new RibHarness();
    final Prefix a = Prefix.parse("10.1.0.0/16"), b = Prefix.parse("10.2.0.0/16"), c = Prefix.parse("10.3.0.0/16");

    static Attrs from(int peer) { return new AttrsBuilder().nextHop(NextHop.parse("10.0.0." + peer)).localPref(100).build(); }

    static PolicyChain rejecting(Prefix p) {
        return new PolicyChain("no-" + p, List.of(new Policy("no-" + p,
                List.of(Rule.of(Verdict.REJECT, new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.exact(p)}))), Verdict.ACCEPT)));
    }

    /** The table a peer holds after {@code events}, starting from {@code start}. */
    static Map<Prefix, Attrs> replay(Map<Prefix, Attrs> start, List<RecordingSink.Event> events) {
        Map<Prefix, Attrs> t = new java.util.HashMap<>();
        start.keySet().forEach(p -> t.put(p, from(I1)));
        for (RecordingSink.Event e : events) {
            for (Prefix p : e.nlri()) {
                if (e.kind().equals("announce")) t.put(p, e.attrs());
                else if (e.kind().equals("withdraw")) t.remove(p);
            }
        }
        return t;
    }

    PeerInfo ibgp(int index, boolean client) { return OpenPolicies.open(PeerInfo.bgp(index, "10.0.0." + index, LOCAL_AS, LOCAL_AS, 0, client)); }

    @Test
    void becomingAnRrClientSendsTheReflectedRoutesAndLeavingWithdrawsThem() {
        h.add(ibgp(I1, false));
        h.add(ibgp(I2, false));
        h.up(I1, V4);
        RecordingSink i2 = h.up(I2, V4);
        h.announce(I1, from(I1), a, b);
        h.settle();
        assertTrue(i2.take().isEmpty(), "iBGP non-client routes are not reflected to a non-client (RFC 4456 §8)");

        h.add(ibgp(I2, true));
        h.settle();
        Map<Prefix, Attrs> seen = i2.table();
        assertEquals(Set.of(a, b), seen.keySet());
        assertEquals(1, seen.get(a).clusterListLength(), "reflected with our cluster id");
        assertTrue(i2.events.stream().noneMatch(e -> e.kind().equals("eor")), "no End-of-RIB: the session did not restart");
        assertEquals(1, h.rib.groups(Family.IPV4_UNICAST).stream().filter(g -> g.hasMember(I2)).count());

        i2.take();
        h.add(ibgp(I2, false));
        h.settle();
        List<RecordingSink.Event> ev = i2.take();
        assertEquals(1, ev.size(), ev.toString());
        assertEquals("withdraw", ev.get(0).kind());
        assertEquals(Set.of(a, b), Set.copyOf(ev.get(0).nlri()));
    }

    @Test
    void aNewExportChainWithdrawsWhatItRejectsAndAnnouncesWhatItNowAccepts() {
        h.add(ibgp(I1, true));
        h.add(ibgp(I2, true).withPolicies(new PeerPolicies(null, rejecting(c), null, null)));
        h.add(ibgp(I3, true).withPolicies(new PeerPolicies(null, rejecting(c), null, null)));
        h.up(I1, V4);
        RecordingSink i2 = h.up(I2, V4);
        RecordingSink i3 = h.up(I3, V4);
        h.announce(I1, from(I1), a, b, c);
        h.settle();
        assertEquals(Set.of(a, b), i2.table().keySet());
        i2.take();
        i3.take();

        PolicyChain noA = rejecting(a);
        h.add(ibgp(I2, true).withPolicies(new PeerPolicies(null, noA, null, null)));
        h.settle();
        // a new group is fed from the Loc-RIB with I2 in it, then a is taken back
        Map<Prefix, Attrs> before = Map.of(a, from(I1), b, from(I1));
        List<RecordingSink.Event> ev = i2.events;
        assertEquals("withdraw", ev.get(ev.size() - 1).kind());
        assertEquals(List.of(a), ev.get(ev.size() - 1).nlri());
        assertEquals(Set.of(b, c), replay(before, ev).keySet());
        i2.take();
        assertTrue(i3.take().isEmpty(), "the peer left behind in the old group sees nothing");

        // I3 moves into I2's (now existing) group: only the difference, from that group's table
        h.add(ibgp(I3, true).withPolicies(new PeerPolicies(null, noA, null, null)));
        h.settle();
        ev = i3.take();
        assertEquals(2, ev.size(), ev.toString());
        assertEquals("withdraw", ev.get(0).kind());
        assertEquals(List.of(a), ev.get(0).nlri());
        assertEquals("announce", ev.get(1).kind());
        assertEquals(List.of(c), ev.get(1).nlri(), "b had been sent with the same attributes");
        assertEquals(1, h.rib.groups(Family.IPV4_UNICAST).stream().filter(g -> g.hasMember(I2) && g.hasMember(I3)).count());

        // later changes reach the moved members through their new group
        h.withdraw(I1, b);
        h.settle();
        assertEquals(List.of(b), i2.last().nlri());
        assertEquals("withdraw", i2.last().kind());
        assertEquals(List.of(b), i3.last().nlri());
    }

    @Test
    void nextHopSelfChangeReannouncesWithTheNewNextHop() {
        h.add(ibgp(I1, true));
        h.add(ibgp(I2, true));
        h.up(I1, V4);
        RecordingSink i2 = h.up(I2, V4);
        h.announce(I1, from(I1), a);
        h.settle();
        assertEquals(NextHop.parse("10.0.0.1"), i2.table().get(a).nextHop());
        i2.take();

        h.add(ibgp(I2, true).withNextHop(NextHopMode.SELF));
        h.settle();
        assertEquals(RibHarness.SELF4, i2.table().get(a).nextHop());
        assertFalse(i2.events.stream().anyMatch(e -> e.kind().equals("withdraw")));
    }

    @Test
    void anUnchangedDescriptionMovesNothing() {
        PeerInfo p = ibgp(I2, true);
        h.add(ibgp(I1, true));
        h.add(p);
        h.up(I1, V4);
        RecordingSink i2 = h.up(I2, V4);
        h.announce(I1, from(I1), a);
        h.settle();
        i2.take();
        var before = h.rib.groups(Family.IPV4_UNICAST);
        h.add(p);
        h.settle();
        assertTrue(i2.take().isEmpty());
        assertEquals(before, h.rib.groups(Family.IPV4_UNICAST));
        assertEquals(I2, h.rib.peers().get(I2).bgpId(), "the OPEN's BGP id survives a redescription with id 0");
    }
}
