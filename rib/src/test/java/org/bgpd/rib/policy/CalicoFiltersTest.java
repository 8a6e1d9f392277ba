package org.bgpd.rib.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

/**
 * The filters Calico renders for BIRD (shared/reference/calico-confd-tests/mesh/ipip-always:
 * bird_ipam.cfg {@code calico_export_to_bgp_peers}, bird_aggr.cfg {@code calico_aggr},
 * {@code calico_kernel_programming}) written as chains and run on sample routes.
 */
class CalicoFiltersTest {
    static final PeerInfo KERNEL = PeerInfo.local(1, PeerKind.KERNEL, 64512, 1);
    static final PeerInfo STATIC = PeerInfo.local(2, PeerKind.STATIC, 64512, 1);
    static final PeerInfo MESH = PeerInfo.bgp(3, "10.192.0.3", 64512, 64512, 3, false);
    static final Attrs LOCAL = new AttrsBuilder().nextHop(NextHop.SELF).build();
    static final int COMMUNITY = 65001 << 16 | 100;

    static Prefix p(String s) { return Prefix.parse(s); }

    static Condition in(PrefixRange... r) { return new Condition.PrefixIn(null, r); }

    static Rule rule(Verdict v, List<Action> a, Condition... c) { return new Rule(List.of(c), a, v); }

    /** calico_export_to_bgp_peers(true); reject; with one affine block and one IP pool. */
    static final PolicyChain EXPORT = new PolicyChain("calico-export", List.of(new Policy("calico-export", List.of(
            // reject_tunnel_routes / reject_local_routes
            rule(Verdict.REJECT, List.of(), new Condition.InterfaceLike(new String[] {"*.cali", "*.calico", "bpf*.cali"})),
            // apply_communities: prefix_advertisements 192.168.0.0/16 -> 65001:100
            rule(Verdict.NEXT, List.of(new Action.EditCommunities(new int[] {COMMUNITY}, new int[0], null)), in(PrefixRange.orLonger(p("192.168.0.0/16")))),
            // calico_aggr: export the block, nothing beneath it
            rule(Verdict.ACCEPT, List.of(), in(PrefixRange.exact(p("192.168.221.192/26")))),
            rule(Verdict.REJECT, List.of(), in(PrefixRange.orLonger(p("192.168.221.192/26")))),
            // anything else inside an IP pool
            rule(Verdict.ACCEPT, List.of(), in(PrefixRange.orLonger(p("192.168.0.0/16"))))), Verdict.REJECT)));

    /** calico_kernel_programming for an IPIP "always" pool. */
    static final PolicyChain KERNEL_EXPORT = new PolicyChain("calico-kernel", List.of(new Policy("k", List.of(
            rule(Verdict.ACCEPT, List.of(new Action.KernelDevice("tunl0"), new Action.Onlink(true)), in(PrefixRange.orLonger(p("192.168.0.0/16"))))),
            Verdict.ACCEPT)));

    final RouteInput r = new RouteInput();

    Attrs export(String prefix, PeerInfo from, KernelFacts facts) { return EXPORT.apply(r.set(p(prefix), LOCAL, from, facts), LOCAL); }

    @Test
    void theBlockIsExportedExactlyAndItsPodRoutesAreNot() {
        Attrs block = export("192.168.221.192/26", STATIC, null);
        assertNotNull(block);
        assertArrayEquals(new int[] {COMMUNITY}, AttrsView.communities(block), "communities added by prefix");
        KernelFacts pod = new KernelFacts("cali12345", 3, KernelFacts.Type.UNICAST);
        assertNull(export("192.168.221.197/32", KERNEL, pod), "a /32 inside our own block stays home");
        assertNotNull(export("192.168.50.7/32", KERNEL, pod), "a borrowed /32 from another node's block passes by pool");
        assertNull(export("10.0.0.0/8", STATIC, null), "outside every pool");
        assertNull(export("192.168.60.0/26", KERNEL, new KernelFacts("vxlan.calico", 80, KernelFacts.Type.UNICAST)), "Felix tunnel routes");
    }

    @Test
    void kernelProgrammingSendsPoolRoutesThroughTunl0() {
        Attrs learned = new AttrsBuilder().nextHop(NextHop.parse("10.192.0.3")).build();
        assertEquals(new KernelDirectives("tunl0", true), KERNEL_EXPORT.kernel(r.set(p("192.168.7.0/26"), learned, MESH, null)));
        assertSame(KernelDirectives.PLAIN, KERNEL_EXPORT.kernel(r.set(p("172.16.0.0/24"), learned, MESH, null)));
    }
}
