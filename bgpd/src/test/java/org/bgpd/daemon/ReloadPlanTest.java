package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpd.config.diff.PeerAction;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.wire.NotifyCode;
import org.junit.jupiter.api.Test;

class ReloadPlanTest {
    private static final String A = "    export: p1";
    private static final String B = "";
    private static final DaemonConfig OLD = Configs.parse(Configs.base(1179, A, B, ""));

    private static ReloadPlan plan(String aKeys, String bKeys, String extra) {
        return ReloadPlan.between(OLD, Configs.parse(Configs.base(1179, aKeys, bKeys, extra)));
    }

    private static String peer(String name, String address, String keys) {
        return """
                  - name: %s
                    address: %s
                    remote-as: 65003
                %s
                """.formatted(name, address, keys);
    }

    @Test
    void sameFileDoesNothing() {
        ReloadPlan p = plan(A, B, "");
        assertTrue(p.isEmpty());
        assertTrue(p.diff().isEmpty());
        assertTrue(p.refusals().isEmpty());
    }

    @Test
    void addedPeerStarts() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, B, peer("c", "127.0.1.3", "")));
        assertEquals(List.of(new ReloadStep.StartPeer(now.peer("c"))), ReloadPlan.between(OLD, now).steps());
    }

    @Test
    void removedPeerStopsWithPeerDeconfiguredAtOnceWhenNothingReplacesIt() {
        String yaml = """
                router-id: 10.0.0.1
                local-as: 65001
                listen: {address: 127.0.0.1, port: 1179}
                static-routes:
                  - prefix: 192.0.2.0/24
                    blackhole: true
                policies:
                  p1: {default: accept}
                  p2: {default: reject}
                peers:
                  - name: a
                    address: 127.0.1.1
                    remote-as: 65002
                    passive: true
                    export: p1
                """;
        ReloadPlan p = ReloadPlan.between(OLD, Configs.parse(yaml));
        assertEquals(List.of(new ReloadStep.StopPeer("b", NotifyCode.PEER_DECONFIGURED, false)), p.steps());
        assertEquals(3, NotifyCode.PEER_DECONFIGURED.notification().subcode(), "RFC 4486 subcode 3");
    }

    @Test
    void replacingPeersStartsTheNewOnesBeforeStoppingTheOld() {
        // b replaced by c and d: the mesh-to-reflector migration.
        String yaml = Configs.base(1179, A, B, peer("c", "127.0.1.3", "") + peer("d", "127.0.1.4", ""))
                .replace("""
                          - name: b
                            address: 127.0.1.2
                            remote-as: 65001
                            passive: true
                        """, "");
        DaemonConfig now = Configs.parse(yaml);
        ReloadPlan p = ReloadPlan.between(OLD, now);
        assertEquals(List.of(
                new ReloadStep.StartPeer(now.peer("c")),
                new ReloadStep.StartPeer(now.peer("d")),
                new ReloadStep.StopPeer("b", NotifyCode.PEER_DECONFIGURED, true)), p.steps());
    }

    @Test
    void sessionChangesResetOnlyThatPeer() {
        for (String change : List.of("    password: s3cret", "    hold-time: 30", "    families: [ipv4, ipv6]",
                "    local-address: 127.0.0.1", "    port: 1180")) {
            DaemonConfig now = Configs.parse(Configs.base(1179, A, change, ""));
            ReloadPlan p = ReloadPlan.between(OLD, now);
            assertEquals(List.of(new ReloadStep.ResetPeer(now.peer("b"))), p.steps(), change);
            assertTrue(p.diff().peer("a").has(PeerAction.KEEP), change);
        }
    }

    @Test
    void exportChangeRefeedsWithoutReset() {
        ReloadPlan p = plan("    export: p2", B, "");
        assertEquals(List.of(new ReloadStep.RefeedExport("a")), p.steps());
        assertTrue(p.diff().peer("a").has(PeerAction.REFEED_EXPORT));
    }

    @Test
    void importChangeReloadsImport() {
        ReloadPlan p = plan(A + "\n    import: p2", B, "");
        assertEquals(List.of(new ReloadStep.ReloadImport("a")), p.steps());
    }

    @Test
    void bothChainsChangedGivesBothSoftSteps() {
        ReloadPlan p = plan("    export: p2\n    import: p2", B, "");
        assertEquals(List.of(new ReloadStep.RefeedExport("a"), new ReloadStep.ReloadImport("a")), p.steps());
    }

    @Test
    void policyBodyChangeRefeedsThePeersThatUseIt() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, B, "").replace("p1: {default: accept}", "p1: {default: reject}"));
        assertEquals(List.of(new ReloadStep.RefeedExport("a")), ReloadPlan.between(OLD, now).steps());
    }

    @Test
    void rrClientChangeRefeedsWithoutAResetBecauseTheRibRegroupsTheSession() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, "    rr-client: true", ""));
        ReloadPlan p = ReloadPlan.between(OLD, now);
        assertTrue(p.diff().peer("b").has(PeerAction.REFEED_EXPORT));
        assertEquals(List.of(new ReloadStep.RefeedExport("b")), p.steps());
    }

    @Test
    void staticRouteChangeWithdrawsAndOriginatesTheDifference() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, B, "").replace("192.0.2.0/24", "198.51.100.0/24"));
        List<ReloadStep> steps = ReloadPlan.between(OLD, now).steps();
        assertEquals(List.of(new ReloadStep.Unoriginate(OLD.staticRoutes().get(0)),
                new ReloadStep.Originate(now.staticRoutes().get(0))), steps);
    }

    @Test
    void listenPortChangeRebindsFirstAndTouchesNoPeer() {
        DaemonConfig now = Configs.parse(Configs.base(1180, A, B, ""));
        ReloadPlan p = ReloadPlan.between(OLD, now);
        assertEquals(List.of(new ReloadStep.Rebind(now.listen())), p.steps());
        assertTrue(p.diff().peer("a").has(PeerAction.KEEP) && p.diff().peer("b").has(PeerAction.KEEP));
    }

    @Test
    void localAsChangeResetsEveryPeerAndTheStaticPseudoPeer() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, B, "").replace("local-as: 65001", "local-as: 65009"));
        List<ReloadStep> steps = ReloadPlan.between(OLD, now).steps();
        assertEquals(List.of(new ReloadStep.RedescribeLocal(65009), new ReloadStep.ResetPeer(now.peer("a")),
                new ReloadStep.ResetPeer(now.peer("b"))), steps);
    }

    @Test
    void routerIdAndClusterIdChangesAreRefused() {
        DaemonConfig now = Configs.parse(Configs.base(1179, A, B, "cluster-id: 1.1.1.1").replace("router-id: 10.0.0.1", "router-id: 10.0.0.2"));
        ReloadPlan p = ReloadPlan.between(OLD, now);
        assertEquals(2, p.refusals().size());
        assertTrue(p.refusals().get(0).contains("router-id"));
        assertTrue(p.refusals().get(1).contains("cluster-id"));
    }

    @Test
    void logLevelIsAppliedKernelAndControlSocketChangesAreRefused() {
        DaemonConfig debug = Configs.parse(Configs.base(1179, A, B, "log-level: debug"));
        assertEquals(List.of(new ReloadStep.SetLogLevel(debug.logLevel())), ReloadPlan.between(OLD, debug).steps());
        assertTrue(ReloadPlan.between(OLD, debug).refusals().isEmpty());

        DaemonConfig kernel = Configs.parse(Configs.base(1179, A, B, "kernel: {table: 100}"));
        List<String> r = ReloadPlan.between(OLD, kernel).refusals();
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).contains("kernel"), r.toString());

        DaemonConfig socket = Configs.parse(Configs.base(1179, A, B, "control-sockets: [{path: /tmp/x.ctl}]"));
        r = ReloadPlan.between(OLD, socket).refusals();
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).contains("control sockets"), r.toString());
    }

    @Test
    void dynamicPeerGroups() {
        String group = """
                dynamic-peers:
                  - name: Node_
                    accept-from: 10.1.0.0/16
                    remote-as: 65001
                %s
                """;
        DaemonConfig old = Configs.parse(Configs.base(1179, A, B, group.formatted("")));
        ReloadPlan added = ReloadPlan.between(OLD, old);
        assertTrue(added.steps().isEmpty(), "a new range only waits for sessions");
        assertFalse(added.diff().isEmpty());

        DaemonConfig export = Configs.parse(Configs.base(1179, A, B, group.formatted("    export: p1")));
        assertEquals(List.of(new ReloadStep.RefeedExport("Node_")), ReloadPlan.between(old, export).steps());

        DaemonConfig timers = Configs.parse(Configs.base(1179, A, B, group.formatted("    hold-time: 30")));
        assertEquals(List.of(new ReloadStep.StopPeer("Node_", NotifyCode.OTHER_CONFIGURATION_CHANGE, false)),
                ReloadPlan.between(old, timers).steps());

        assertEquals(List.of(new ReloadStep.StopPeer("Node_", NotifyCode.PEER_DECONFIGURED, false)),
                ReloadPlan.between(old, OLD).steps());
    }

    @Test
    void disabledNewPeerDoesNotHoldBackStops() {
        String yaml = Configs.base(1179, A, B, peer("c", "127.0.1.3", "    disabled: true")).replace("""
                  - name: b
                    address: 127.0.1.2
                    remote-as: 65001
                    passive: true
                """, "");
        DaemonConfig now = Configs.parse(yaml);
        List<ReloadStep> steps = ReloadPlan.between(OLD, now).steps();
        assertInstanceOf(ReloadStep.StopPeer.class, steps.get(0));
        assertFalse(((ReloadStep.StopPeer) steps.get(0)).afterNewPeers());
        assertEquals(new ReloadStep.StartPeer(now.peer("c")), steps.get(1));
    }
}
