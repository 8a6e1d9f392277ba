package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionStep;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

/**
 * The one kernel export path: {@code kernel.export} compiled by {@link PolicyCompiler}, evaluated
 * by the RIB on each best route (and each ECMP member) with its attributes, handed to the FIB
 * thread's {@link FibQueue} with per-next-hop directives.
 */
class KernelExportPathTest {
    static final int LOCAL_AS = 64512, PEER = 2, PEER2 = 3, STATIC = 0;
    static final EncodeContext ENCODE = EncodeContext.of(NextHop.parse("10.0.0.21"), NextHop.parse("fd00::21"));

    /** The kernel policy of config/examples/node.yaml, plus a community rule the FIB alone could not see. */
    static DaemonConfig calico() {
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

    static DaemonConfig load(String yaml) {
        LoadResult r = ConfigLoader.parse(yaml, "test.yaml");
        if (r instanceof LoadResult.Failed f) throw new AssertionError(f.errors().toString());
        return ((LoadResult.Loaded) r).config();
    }

    final FibQueue queue = new FibQueue();
    final RibLoop rib = new RibLoop(0x0A000015, DecisionOptions.defaults().withMultipath(true, DecisionStep.IGP_COST), queue, 256, 256);
    final Map<Prefix, FibChange> installed = new HashMap<>();

    KernelExportPathTest() {
        rib.offer(new RibCommand.AddPeer(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, 0x0A000015)));
        for (int p : new int[] {PEER, PEER2}) {
            rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(p, "10.0.0." + p, LOCAL_AS, LOCAL_AS, p, false)));
            rib.offer(new RibCommand.PeerUp(p, p, Set.of(Family.IPV4_UNICAST), ENCODE, m -> { }));
        }
    }

    void exportWith(DaemonConfig cfg) { rib.offer(new RibCommand.KernelExportChain(new PolicyCompiler(cfg).kernelExport())); }

    void announce(int peer, String prefix, String nextHop, int... communities) {
        Attrs a = new AttrsBuilder().origin(Attrs.ORIGIN_IGP).asPath().localPref(100).nextHop(NextHop.parse(nextHop)).communities(communities).build();
        NlriList nlri = NlriList.builder(Family.IPV4_UNICAST, false, 1).add(Prefix.parse(prefix), 0).build();
        for (byte[] body : new UpdateEncoder(ENCODE).announce(a, nlri))
            rib.offer(new RibCommand.Update(peer, UpdateDecoder.decode(body, DecodeContext.of(true, LOCAL_AS))));
    }

    /** Runs the RIB until idle and collects what it handed the FIB thread. */
    void settle() throws InterruptedException {
        int guard = 0;
        while ((rib.turn() > 0 || rib.walking()) && guard++ < 1000) { }
        for (FibChange c : queue.take(0)) {
            if (c.isRemoval()) installed.remove(c.prefix());
            else installed.put(c.prefix(), c);
        }
    }

    KernelDirectives how(String prefix, int member) { return installed.get(Prefix.parse(prefix)).how()[member]; }

    @Test
    void calicoPoolRoutesFromBgpGoThroughTheTunnelOnlink() throws Exception {
        exportWith(calico());
        announce(PEER, "192.168.40.0/26", "10.0.0.22");
        announce(PEER, "172.16.0.0/24", "10.0.0.22");
        rib.offer(new RibCommand.Originate(STATIC, Prefix.parse("192.168.41.0/26"),
                new AttrsBuilder().origin(Attrs.ORIGIN_IGP).asPath().nextHop(NextHop.parse("10.0.0.23")).build()));
        settle();
        assertEquals(new KernelDirectives("tunl0", true), how("192.168.40.0/26", 0));
        assertEquals(KernelDirectives.PLAIN, how("172.16.0.0/24", 0));
        assertEquals(KernelDirectives.PLAIN, how("192.168.41.0/26", 0), "the pool rule names source bgp");
        assertEquals(PeerKind.STATIC, installed.get(Prefix.parse("192.168.41.0/26")).source());
    }

    @Test
    void notAndNextHopConditionsDecide() throws Exception {
        exportWith(calico());
        announce(PEER, "10.99.1.0/24", "172.16.0.1");
        announce(PEER, "10.99.2.0/24", "10.1.2.3");
        settle();
        assertFalse(installed.containsKey(Prefix.parse("10.99.1.0/24")));
        assertTrue(installed.containsKey(Prefix.parse("10.99.2.0/24")));
    }

    @Test
    void rulesOnBgpAttributesNowMatch() throws Exception {
        // KernelExportPolicy ran on the FIB thread without attributes and let this through
        exportWith(calico());
        announce(PEER, "172.20.0.0/24", "10.0.0.9", 64512 << 16 | 1);
        announce(PEER, "172.21.0.0/24", "10.0.0.9");
        settle();
        assertFalse(installed.containsKey(Prefix.parse("172.20.0.0/24")));
        assertTrue(installed.containsKey(Prefix.parse("172.21.0.0/24")));
    }

    @Test
    void ecmpMembersTakeTheirOwnDevice() throws Exception {
        // cross-subnet IPIP: only next hops outside our subnet go through the tunnel
        exportWith(load("""
                router-id: 10.0.0.21
                local-as: 64512
                policies:
                  cross-subnet:
                    rules:
                      - match: {next-hop: [10.1.0.0/16]}
                        set: {kernel-device: tunl0, onlink: true}
                        action: accept
                    default: accept
                kernel:
                  export: cross-subnet
                """));
        announce(PEER, "192.168.40.0/26", "10.0.0.22");
        announce(PEER2, "192.168.40.0/26", "10.1.0.23");
        settle();
        FibChange c = installed.get(Prefix.parse("192.168.40.0/26"));
        assertEquals(2, c.nextHops().length);
        for (int i = 0; i < 2; i++) {
            boolean remote = c.nextHops()[i].equals(NextHop.parse("10.1.0.23"));
            assertEquals(remote ? new KernelDirectives("tunl0", true) : KernelDirectives.PLAIN, c.how()[i]);
        }
    }

    @Test
    void builtInChains() throws Exception {
        announce(PEER, "10.0.0.0/8", "10.0.0.1");
        settle();
        assertEquals(KernelDirectives.PLAIN, how("10.0.0.0/8", 0), "before any chain: all");
        exportWith(load("""
                router-id: 10.0.0.21
                local-as: 64512
                kernel:
                  export: none
                """));
        settle();
        assertNull(installed.get(Prefix.parse("10.0.0.0/8")), "none withdraws what all installed");
        assertEquals(List.of(), queue.take(0));
    }
}
