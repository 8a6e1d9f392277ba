package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;
import org.junit.jupiter.api.Test;

class KernelExportPolicyTest {

    /** A config with the kernel policy of config/examples/node.yaml. */
    record Loaded(DaemonConfig config) {
        KernelExportPolicy kernelPolicy() {
            return KernelExportPolicy.of(config.kernel().exportPolicies(), config.policies(), config.prefixLists());
        }
    }

    static Loaded calico() {
        return load("""
                router-id: 10.0.0.21
                local-as: 64512
                prefix-lists:
                  ip-pools:
                    - {prefix: 192.168.0.0/16, ge: 16}
                policies:
                  calico-kernel-programming:
                    rules:
                      - match: {prefix-list: ip-pools, source: bgp}
                        set: {kernel-device: tunl0, onlink: true}
                        action: accept
                      - match: {prefix: [{prefix: 10.99.0.0/16, ge: 16}], not: {next-hop: [10.0.0.0/8]}}
                        action: reject
                      - match: {community: ["64512:1"]}
                        action: reject
                    default: accept
                kernel:
                  export: calico-kernel-programming
                """);
    }

    static Loaded load(String yaml) {
        LoadResult r = ConfigLoader.parse(yaml, "test.yaml");
        if (r instanceof LoadResult.Failed f) throw new AssertionError(f.errors().toString());
        return new Loaded(((LoadResult.Loaded) r).config());
    }

    private static NextHop[] via(String a) { return new NextHop[] {NextHop.parse(a)}; }

    @Test
    void calicoPoolRoutesFromBgpGoThroughTheTunnelOnlink() {
        KernelExportPolicy p = calico().kernelPolicy();
        KernelExportPolicy.Decision d = p.decide(Prefix.parse("192.168.40.0/26"), via("10.0.0.22"), PeerKind.BGP);
        assertTrue(d.accept());
        assertEquals("tunl0", d.device());
        assertTrue(d.onlink());

        KernelExportPolicy.Decision other = p.decide(Prefix.parse("172.16.0.0/24"), via("10.0.0.22"), PeerKind.BGP);
        assertTrue(other.accept());
        assertNull(other.device());
        assertFalse(other.onlink());

        assertNull(p.decide(Prefix.parse("192.168.40.0/26"), via("10.0.0.22"), PeerKind.STATIC).device());
    }

    @Test
    void notAndNextHopConditionsDecide() {
        KernelExportPolicy p = calico().kernelPolicy();
        assertFalse(p.decide(Prefix.parse("10.99.1.0/24"), via("172.16.0.1"), PeerKind.BGP).accept());
        assertTrue(p.decide(Prefix.parse("10.99.1.0/24"), via("10.1.2.3"), PeerKind.BGP).accept());
    }

    @Test
    void rulesOnAttributesTheFibCannotSeeNeverMatch() {
        // the community rule would reject; the FIB has no communities, so the default accepts
        assertTrue(calico().kernelPolicy().decide(Prefix.parse("172.20.0.0/24"), via("10.0.0.9"), PeerKind.BGP).accept());
    }

    @Test
    void builtInChains() {
        assertTrue(KernelExportPolicy.acceptAll().decide(Prefix.parse("10.0.0.0/8"), via("10.0.0.1"), PeerKind.BGP).accept());
        KernelExportPolicy none = load("""
                router-id: 10.0.0.21
                local-as: 64512
                kernel:
                  export: none
                """).kernelPolicy();
        assertFalse(none.decide(Prefix.parse("10.0.0.0/8"), via("10.0.0.1"), PeerKind.BGP).accept());
    }
}
