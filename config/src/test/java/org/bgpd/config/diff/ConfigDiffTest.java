package org.bgpd.config.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per reload rule: a base configuration, one edit, the actions expected. */
class ConfigDiffTest {

    private static final String BASE = """
            router-id: 192.0.2.1
            local-as: 65000
            listen: {port: 179}
            control-sockets: [{path: a.ctl}]
            static-routes:
              - {prefix: 10.0.0.0/8, blackhole: true}
            prefix-lists:
              pl: [10.1.0.0/16]
            policies:
              in: {rules: [{match: {prefix-list: pl}, action: accept}]}
              in2: {default: accept}
              out: {rules: [{match: {source: static}, action: accept}]}
              out2: {default: accept}
              kern: {default: accept}
            peers:
              - name: a
                address: 192.0.2.2
                remote-as: 65001
                password: pw
                hold-time: 90
                import: in
                export: out
                families:
                  ipv4: {max-prefix: {limit: 100}}
              - name: b
                address: 192.0.2.3
                remote-as: 65000
            dynamic-peers:
              - {name: d_, accept-from: 10.9.0.0/16, remote-as: 65000, export: out}
            kernel: {export: kern}
            """;

    private static DaemonConfig load(String text) {
        LoadResult r = ConfigLoader.parse(text, "test.yaml");
        return assertInstanceOf(LoadResult.Loaded.class, r, r::toString).config();
    }

    private static ConfigDiff edit(String from, String to) {
        assertTrue(BASE.contains(from), "base has no '" + from + "'");
        return ConfigDiff.between(load(BASE), load(BASE.replace(from, to)));
    }

    private static Set<PeerAction> actions(ConfigDiff d, String peer) {
        return d.peer(peer).actions();
    }

    @Test
    void identicalConfigsKeepEverything() {
        ConfigDiff d = ConfigDiff.between(load(BASE), load(BASE));
        assertTrue(d.isEmpty());
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "a"));
        assertEquals(Set.of(PeerAction.KEEP), d.dynamicPeer("d_").actions());
    }

    @Test
    void newPeerIsAdded() {
        ConfigDiff d = edit("\npeers:\n", "\npeers:\n  - {name: c, address: 192.0.2.4, remote-as: 65002}\n");
        assertEquals(Set.of(PeerAction.ADD), actions(d, "c"));
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "a"));
    }

    @Test
    void removedPeerIsDeleted() {
        ConfigDiff d = edit("  - name: b\n    address: 192.0.2.3\n    remote-as: 65000\n", "");
        assertEquals(Set.of(PeerAction.DELETE), actions(d, "b"));
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "a"));
    }

    static Stream<Arguments> sessionChanges() {
        return Stream.of(
                Arguments.of("address", "address: 192.0.2.2", "address: 192.0.2.9"),
                Arguments.of("remote AS", "remote-as: 65001", "remote-as: 65009"),
                Arguments.of("password", "password: pw", "password: other"),
                Arguments.of("local address", "password: pw", "password: pw\n    local-address: 192.0.2.1"),
                Arguments.of("port", "password: pw", "password: pw\n    port: 1179"),
                Arguments.of("families", "ipv4: {max-prefix: {limit: 100}}", "ipv4: {max-prefix: {limit: 100}}\n      ipv6: {}"),
                Arguments.of("add-path", "ipv4: {max-prefix", "ipv4: {add-path: send, max-prefix"),
                Arguments.of("hold timer", "hold-time: 90", "hold-time: 30"),
                Arguments.of("keepalive timer", "hold-time: 90", "hold-time: 90\n    keepalive-time: 10"),
                Arguments.of("connect-retry timer", "hold-time: 90", "hold-time: 90\n    connect-retry-time: 5"),
                Arguments.of("multihop", "password: pw", "password: pw\n    multihop: 2"),
                Arguments.of("ttl-security", "password: pw", "password: pw\n    ttl-security: true"),
                Arguments.of("passive", "password: pw", "password: pw\n    passive: true"),
                Arguments.of("graceful restart", "password: pw", "password: pw\n    graceful-restart: {restart-time: 5}"),
                Arguments.of("disabled", "password: pw", "password: pw\n    disabled: true"),
                Arguments.of("local AS", "password: pw", "password: pw\n    local-as: 65100"),
                Arguments.of("allow-local-as", "password: pw", "password: pw\n    allow-local-as: 1"));
    }

    @ParameterizedTest(name = "{0} change resets the session")
    @MethodSource("sessionChanges")
    void sessionChangeResets(String what, String from, String to) {
        ConfigDiff d = edit(from, to);
        assertEquals(Set.of(PeerAction.RESET_SESSION), actions(d, "a"), what);
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "b"), what);
    }

    @Test
    void exportPolicyChangeRefeeds() {
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), actions(edit("export: out\n    families", "export: out2\n    families"), "a"));
    }

    @Test
    void nextHopSelfChangeRefeeds() {
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), actions(edit("password: pw", "password: pw\n    next-hop-self: true"), "a"));
    }

    @Test
    void nextHopKeepChangeRefeeds() {
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), actions(edit("password: pw", "password: pw\n    next-hop-keep: true"), "a"));
    }

    @Test
    void rrClientChangeRefeeds() {
        ConfigDiff d = edit("remote-as: 65000\ndynamic", "remote-as: 65000\n    rr-client: true\ndynamic");
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), actions(d, "b"));
    }

    @Test
    void importPolicyChangeReloads() {
        assertEquals(Set.of(PeerAction.RELOAD_IMPORT), actions(edit("import: in\n", "import: in2\n"), "a"));
    }

    @Test
    void maxPrefixChangeReloads() {
        assertEquals(Set.of(PeerAction.RELOAD_IMPORT), actions(edit("limit: 100", "limit: 200"), "a"));
    }

    @Test
    void importAndExportChangeTogether() {
        ConfigDiff d = edit("import: in\n    export: out\n", "import: in2\n    export: out2\n");
        assertEquals(Set.of(PeerAction.RELOAD_IMPORT, PeerAction.REFEED_EXPORT), actions(d, "a"));
    }

    @Test
    void policyBodyChangeReachesEveryPeerUsingIt() {
        ConfigDiff d = edit("out: {rules: [{match: {source: static}", "out: {rules: [{match: {source: kernel}");
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), actions(d, "a"));
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "b"));
        assertEquals(Set.of(PeerAction.REFEED_EXPORT), d.dynamicPeer("d_").actions());
    }

    @Test
    void prefixListChangeReachesPoliciesAndPeers() {
        ConfigDiff d = edit("pl: [10.1.0.0/16]", "pl: [10.2.0.0/16]");
        assertEquals(Set.of(PeerAction.RELOAD_IMPORT), actions(d, "a"));
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "b"));
    }

    @Test
    void listenChangeRebinds() {
        ConfigDiff d = edit("listen: {port: 179}", "listen: {port: 1179}");
        assertTrue(d.listenerRebind());
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "a"));
    }

    @Test
    void controlSocketChangeRemovesAndAdds() {
        ConfigDiff d = edit("[{path: a.ctl}]", "[{path: b.ctl}]");
        assertEquals("a.ctl", d.controlSocketsRemoved().get(0).path());
        assertEquals("b.ctl", d.controlSocketsAdded().get(0).path());
        assertFalse(d.listenerRebind());
    }

    @Test
    void staticRouteAddsAndRemoves() {
        ConfigDiff d = edit("{prefix: 10.0.0.0/8, blackhole: true}", "{prefix: 172.16.0.0/12, blackhole: true}");
        assertEquals(List.of("10.0.0.0/8"), d.staticRoutesRemoved().stream().map(r -> r.prefix().toString()).toList());
        assertEquals(List.of("172.16.0.0/12"), d.staticRoutesAdded().stream().map(r -> r.prefix().toString()).toList());
        assertEquals(Set.of(PeerAction.KEEP), actions(d, "a"));
    }

    @Test
    void routerIdChangeResetsEverything() {
        ConfigDiff d = edit("router-id: 192.0.2.1", "router-id: 192.0.2.100");
        assertTrue(d.globalReset());
        assertEquals(Set.of(PeerAction.RESET_SESSION), actions(d, "a"));
        assertEquals(Set.of(PeerAction.RESET_SESSION), actions(d, "b"));
        assertEquals(Set.of(PeerAction.RESET_SESSION), d.dynamicPeer("d_").actions());
    }

    @Test
    void localAsChangeResetsEverything() {
        ConfigDiff d = edit("local-as: 65000", "local-as: 65010");
        assertTrue(d.globalReset());
        assertEquals(Set.of(PeerAction.RESET_SESSION), actions(d, "a"));
    }

    @Test
    void clusterIdChangeRefeedsAndReloads() {
        ConfigDiff d = edit("local-as: 65000\n", "local-as: 65000\ncluster-id: 1.1.1.1\n");
        assertFalse(d.globalReset());
        assertEquals(Set.of(PeerAction.REFEED_EXPORT, PeerAction.RELOAD_IMPORT), actions(d, "b"));
    }

    @Test
    void dynamicPeerRangeChangeResetsItsSessions() {
        ConfigDiff d = edit("accept-from: 10.9.0.0/16", "accept-from: 10.8.0.0/16");
        assertEquals(Set.of(PeerAction.RESET_SESSION), d.dynamicPeer("d_").actions());
    }

    @Test
    void kernelExportPolicyChangeRefeedsKernel() {
        ConfigDiff d = edit("kern: {default: accept}", "kern: {default: reject}");
        assertTrue(d.kernelRefeed());
        assertFalse(d.kernelResync());
    }

    @Test
    void kernelTableChangeResyncs() {
        ConfigDiff d = edit("kernel: {export: kern}", "kernel: {export: kern, table: 100}");
        assertTrue(d.kernelResync());
    }
}
