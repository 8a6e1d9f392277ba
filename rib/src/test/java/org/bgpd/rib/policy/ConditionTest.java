package org.bgpd.rib.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AsPathSegment;
import org.junit.jupiter.api.Test;

class ConditionTest {
    static final PeerInfo EBGP = PeerInfo.bgp(1, "10.0.0.1", 65001, 65000, 1, false);
    static final PeerInfo STATIC = PeerInfo.local(2, PeerKind.STATIC, 65000, 1);
    static final PeerInfo KERNEL = PeerInfo.local(3, PeerKind.KERNEL, 65000, 1);
    static final Attrs PLAIN = new AttrsBuilder().asPath(65001, 65002, 65003).nextHop(NextHop.parse("10.1.2.3"))
            .communities(65000 << 16 | 100).addLargeCommunity(65000, 1, 2).build();

    final RouteInput r = new RouteInput();

    boolean holds(Condition c, String prefix) { return c.holds(r.set(Prefix.parse(prefix), PLAIN, EBGP, null)); }

    static Prefix p(String s) { return Prefix.parse(s); }

    @Test
    void prefixRangesHonourGeAndLeAtTheirEdges() {
        Condition exact = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.exact(p("192.168.0.0/26"))});
        assertTrue(holds(exact, "192.168.0.0/26"));
        assertFalse(holds(exact, "192.168.0.0/27"));
        assertFalse(holds(exact, "192.168.0.0/25"));
        Condition range = new Condition.PrefixIn(null, new PrefixRange[] {new PrefixRange(p("10.0.0.0/8"), 16, 24)});
        assertFalse(holds(range, "10.0.0.0/15"));
        assertTrue(holds(range, "10.1.0.0/16"));
        assertTrue(holds(range, "10.1.2.0/24"));
        assertFalse(holds(range, "10.1.2.0/25"));
        assertFalse(holds(range, "11.1.0.0/16"));
        Condition longer = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.longer(p("192.168.0.0/26"))});
        assertFalse(holds(longer, "192.168.0.0/26"));
        assertTrue(holds(longer, "192.168.0.5/32"));
        assertFalse(holds(longer, "192.168.0.64/32"));
        Condition v6 = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.orLonger(p("2001:db8::/32"))});
        assertTrue(holds(v6, "2001:db8:1::/122"));
        assertFalse(holds(v6, "2001:db9::/48"));
        assertFalse(holds(v6, "10.0.0.0/8"), "a v4 prefix never matches a v6 range");
        Condition zero = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.orLonger(p("0.0.0.0/0"))});
        assertTrue(holds(zero, "203.0.113.0/24"));
    }

    @Test
    void communitiesLargeCommunitiesAndAsPath() {
        assertTrue(holds(new Condition.CommunityIn(new int[] {1, 65000 << 16 | 100}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.CommunityIn(new int[] {65000 << 16 | 101}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.LargeCommunityIn(new int[] {65000, 1, 2}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.LargeCommunityIn(new int[] {65000, 2, 1}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.AsPathContains(new int[] {65002}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.AsPathContains(new int[] {65004}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.OriginAsIn(new int[] {65003}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.OriginAsIn(new int[] {65001}), "10.0.0.0/8"));
        Attrs withSet = new AttrsBuilder().asPath(List.of(AsPathSegment.sequence(65001), AsPathSegment.set(65007, 65008))).build();
        assertTrue(new Condition.AsPathContains(new int[] {65008}).holds(r.set(p("10.0.0.0/8"), withSet, EBGP, null)));
        assertFalse(new Condition.OriginAsIn(new int[] {65008}).holds(r), "a path ending in a set has no origin AS");
    }

    @Test
    void nextHopNeighbourFamilyAndSource() {
        assertTrue(holds(new Condition.NextHopIn(new Prefix[] {p("10.1.0.0/16")}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.NextHopIn(new Prefix[] {p("10.1.2.3/32")}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.NextHopIn(new Prefix[] {p("10.2.0.0/16")}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.NeighborIn(new Prefix[] {p("10.0.0.1/32")}), "10.0.0.0/8"));
        assertFalse(holds(new Condition.NeighborIn(new Prefix[] {p("10.0.0.2/32")}), "10.0.0.0/8"));
        assertTrue(holds(new Condition.FamilyIs(Family.IPV4_UNICAST), "10.0.0.0/8"));
        assertFalse(holds(new Condition.FamilyIs(Family.IPV6_UNICAST), "10.0.0.0/8"));
        Condition staticOnly = new Condition.SourceIn(List.of(PeerKind.STATIC));
        assertFalse(holds(staticOnly, "10.0.0.0/8"));
        assertTrue(staticOnly.holds(r.set(p("10.0.0.0/8"), PLAIN, STATIC, null)));
    }

    @Test
    void kernelFactsMatchOnlyKernelRoutes() {
        KernelFacts pod = new KernelFacts("cali1234abcd", 3, KernelFacts.Type.UNICAST);
        KernelFacts vxlan = new KernelFacts("vxlan.calico", 80, KernelFacts.Type.UNICAST);
        KernelFacts block = new KernelFacts(null, 80, KernelFacts.Type.BLACKHOLE);
        Condition tunnels = new Condition.InterfaceLike(new String[] {"*.cali", "*.calico"});
        assertTrue(tunnels.holds(r.set(p("10.0.0.0/26"), PLAIN, KERNEL, vxlan)));
        assertFalse(tunnels.holds(r.set(p("10.0.0.0/26"), PLAIN, KERNEL, pod)));
        assertFalse(tunnels.holds(r.set(p("10.0.0.0/26"), PLAIN, KERNEL, block)), "no device never matches");
        assertFalse(tunnels.holds(r.set(p("10.0.0.0/26"), PLAIN, EBGP, null)));
        Condition boot = new Condition.KernelProtocolIn(new int[] {3});
        assertTrue(boot.holds(r.set(p("10.0.0.1/32"), PLAIN, KERNEL, pod)));
        assertFalse(boot.holds(r.set(p("10.0.0.1/32"), PLAIN, KERNEL, vxlan)));
        Condition blackhole = new Condition.KernelTypeIn(List.of(KernelFacts.Type.BLACKHOLE));
        assertTrue(blackhole.holds(r.set(p("10.0.0.0/26"), PLAIN, KERNEL, block)));
        assertFalse(blackhole.holds(r.set(p("10.0.0.1/32"), PLAIN, KERNEL, pod)));
    }

    @Test
    void notInvertsTheConjunctionOfItsConditions() {
        Condition inPool = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.orLonger(p("192.168.0.0/16"))});
        Condition not = new Condition.Not(List.of(inPool, new Condition.FamilyIs(Family.IPV4_UNICAST)));
        assertFalse(holds(not, "192.168.1.0/26"));
        assertTrue(holds(not, "10.0.0.0/8"));
    }

    @Test
    void globsMatchLikeBird() {
        assertTrue(InterfaceGlob.matches("cali*", "cali0123"));
        assertTrue(InterfaceGlob.matches("*.cali", "wireguard.cali"));
        assertTrue(InterfaceGlob.matches("bpf*.cali", "bpfout.cali"));
        assertFalse(InterfaceGlob.matches("bpf*.cali", "bpfout.calico"));
        assertTrue(InterfaceGlob.matches("eth?", "eth0"));
        assertFalse(InterfaceGlob.matches("eth?", "eth10"));
        assertTrue(InterfaceGlob.matches("*", ""));
        assertFalse(InterfaceGlob.matches("tunl0", "tunl01"));
    }
}
