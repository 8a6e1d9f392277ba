package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.RouteInput;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

/** Calico's node filters written in our YAML, compiled, and run on sample routes. */
class PolicyCompilerTest {
    static final String YAML = """
            router-id: 10.192.0.2
            local-as: 64512
            prefix-lists:
              own-blocks: [192.168.221.192/26]
              ip-pools: [{prefix: 192.168.0.0/16, ge: 16}]
            policies:
              calico-export:
                rules:
                  - match: {interface: ["*.cali", "*.calico", "bpf*.cali"]}
                    action: reject
                  - match: {prefix: {prefix: 192.168.0.0/16, ge: 16}}
                    set: {communities: {add: ["65001:100"]}, large-communities: {add: ["65001:1:2"]}}
                  - match: {prefix-list: own-blocks}
                    action: accept
                  - match: {prefix: {prefix: 192.168.221.192/26, ge: 27}}
                    action: reject
                  - match: {prefix-list: ip-pools}
                    action: accept
                default: reject
              kernel-programming:
                rules:
                  - match: {prefix-list: ip-pools}
                    set: {kernel-device: tunl0, onlink: true}
                    action: accept
                default: accept
              upstream-in:
                rules:
                  - match: {neighbor: Mesh_10_192_0_3, as-path-contains: 65099}
                    action: reject
                  - set: {local-pref: 50, as-path-prepend: {as: 64512, count: 2}, next-hop: 10.192.0.9}
                    action: accept
            peers:
              - name: Mesh_10_192_0_3
                address: 10.192.0.3
                remote-as: 64512
                export: calico-export
              - name: Mesh_10_192_0_4
                address: 10.192.0.4
                remote-as: 64512
                import: [upstream-in]
                export: calico-export
              - name: Global_10_0_0_1
                address: 10.0.0.1
                remote-as: 65000
            kernel:
              export: kernel-programming
            """;

    final DaemonConfig config = ((LoadResult.Loaded) ConfigLoader.parse(YAML, "test.yaml")).config();
    final PolicyCompiler compiler = new PolicyCompiler(config);
    final PeerInfo kernel = PeerInfo.local(1, PeerKind.KERNEL, 64512, 1);
    final PeerInfo mesh3 = PeerInfo.bgp(2, "10.192.0.3", 64512, 64512, 3, false);
    final Attrs local = new AttrsBuilder().build();
    final RouteInput r = new RouteInput();

    PeerPolicies peer(String name) { return compiler.peer(config.peer(name).settings()); }

    @Test
    void peersNamingTheSameChainShareOneCompiledObjectAndUnsetChainsStayNull() {
        assertSame(peer("Mesh_10_192_0_3").exportV4(), peer("Mesh_10_192_0_4").exportV4());
        assertNull(peer("Mesh_10_192_0_3").importV4(), "unset: the RIB applies RFC 8212");
        PeerInfo global = PeerInfo.bgp(3, "10.0.0.1", 65000, 64512, 0, false).withPolicies(peer("Global_10_0_0_1"));
        assertSame(PolicyChain.NONE, PolicyChain.importFor(global, Family.IPV4_UNICAST));
        assertSame(PolicyChain.NONE, PolicyChain.exportFor(global, Family.IPV4_UNICAST));
    }

    @Test
    void calicoExportAcceptsTheBlockRejectsItsPodsAndTunnelsAndTagsPoolRoutes() {
        PolicyChain export = peer("Mesh_10_192_0_3").exportV4();
        KernelFacts pod = new KernelFacts("cali0", 3, KernelFacts.Type.UNICAST);
        Attrs block = export.apply(r.set(Prefix.parse("192.168.221.192/26"), local, kernel, null), local);
        assertNotNull(block);
        assertArrayEquals(new int[] {65001 << 16 | 100}, AttrsView.communities(block));
        assertArrayEquals(new int[] {65001, 1, 2}, AttrsView.largeCommunities(block));
        assertNull(export.apply(r.set(Prefix.parse("192.168.221.200/32"), local, kernel, pod), local));
        assertNotNull(export.apply(r.set(Prefix.parse("192.168.5.1/32"), local, kernel, pod), local));
        assertNull(export.apply(r.set(Prefix.parse("192.168.5.0/26"), local, kernel,
                new KernelFacts("wireguard.cali", 80, KernelFacts.Type.UNICAST)), local));
        assertNull(export.apply(r.set(Prefix.parse("10.0.0.0/8"), local, kernel, null), local));
    }

    @Test
    void importMatchesNeighbourAndAsPathAndSetsAttributes() {
        PolicyChain in = peer("Mesh_10_192_0_4").importV4();
        Attrs via99 = new AttrsBuilder().asPath(65099).nextHop(NextHop.parse("10.192.0.3")).build();
        assertNull(in.apply(r.set(Prefix.parse("10.5.0.0/16"), via99, mesh3, null), via99));
        PeerInfo mesh4 = PeerInfo.bgp(4, "10.192.0.4", 64512, 64512, 4, false);
        Attrs out = in.apply(r.set(Prefix.parse("10.5.0.0/16"), via99, mesh4, null), via99);
        assertEquals(50, out.localPref());
        assertEquals("64512 64512 65099", AttrsView.asPathText(out));
        assertEquals(NextHop.parse("10.192.0.9"), out.nextHop());
    }

    @Test
    void kernelExportPutsPoolRoutesOnTunl0() {
        PolicyChain k = compiler.kernelExport();
        Attrs learned = new AttrsBuilder().nextHop(NextHop.parse("10.192.0.3")).build();
        assertEquals(new KernelDirectives("tunl0", true), k.kernel(r.set(Prefix.parse("192.168.7.0/26"), learned, mesh3, null)));
        assertSame(KernelDirectives.PLAIN, k.kernel(r.set(Prefix.parse("172.16.0.0/16"), learned, mesh3, null)));
    }
}
