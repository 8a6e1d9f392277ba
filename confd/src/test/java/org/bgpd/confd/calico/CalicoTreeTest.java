package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class CalicoTreeTest {

    private static final String G = "/calico/bgp/v1/global/";
    private static final String H = "/calico/bgp/v1/host/";

    private static final String NODES = """
            kind: Node
            metadata: {name: a, labels: {group: one}}
            spec: {bgp: {ipv4Address: 10.192.0.2/16, ipv6Address: fd5f::2/96}}
            ---
            kind: Node
            metadata: {name: b, labels: {group: two, route-reflector: yes}}
            spec: {bgp: {ipv4Address: 10.192.0.3/16, routeReflectorClusterID: 224.0.0.1, asNumber: 64513}}
            ---
            kind: Node
            metadata: {name: c, labels: {group: two}}
            spec: {bgp: {ipv6Address: "2001:db8:0:0:1::7/64"}}
            """;

    static SortedMap<String, String> raw(String yaml) {
        SortedMap<String, String> raw = new TreeMap<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            CalicoResourceFolder.addDocument(doc, raw);
        }
        return raw;
    }

    static SortedMap<String, String> tree(String yaml) {
        return CalicoTree.derive(raw(yaml), "a");
    }

    static Map<String, Object> json(SortedMap<String, String> tree, String key) {
        assertTrue(tree.containsKey(key), () -> key + " missing from " + tree.keySet());
        return Json.parseObject(tree.get(key));
    }

    @Test
    void emptyDatastoreGetsConfdsGlobalDefaults() {
        SortedMap<String, String> t = CalicoTree.derive(new TreeMap<>());
        assertEquals("64512", t.get(G + "as_num"));
        assertEquals("{\"enabled\": true}", t.get(G + "node_mesh"));
        assertEquals("info", t.get(G + "loglevel"));
        assertEquals(3, t.size());
    }

    @Test
    void globalConfigurationOverridesDefaults() {
        SortedMap<String, String> t = tree("""
                kind: BGPConfiguration
                metadata: {name: default}
                spec: {asNumber: 65000, nodeToNodeMeshEnabled: false, logSeverityScreen: Warning,
                       listenPort: 1790, nodeMeshMaxRestartTime: 2m30s, ignoredInterfaces: [eth9, "vx*"]}
                """);
        assertEquals("65000", t.get(G + "as_num"));
        assertEquals("{\"enabled\":false}", t.get(G + "node_mesh"));
        assertEquals("none", t.get(G + "loglevel"));
        assertEquals("1790", t.get(G + "listen_port"));
        assertEquals("150", t.get(G + "node_mesh_restart_time"));
        assertEquals("eth9,vx*", t.get(G + "ignored_interfaces"));
    }

    @Test
    void nodesBecomeHostKeys() {
        SortedMap<String, String> t = tree(NODES);
        assertEquals("10.192.0.2", t.get(H + "a/ip_addr_v4"));
        assertEquals("10.192.0.0/16", t.get(H + "a/network_v4"));
        assertEquals("fd5f::2", t.get(H + "a/ip_addr_v6"));
        assertEquals("fd5f::/96", t.get(H + "a/network_v6"));
        assertEquals("", t.get(H + "a/rr_cluster_id"));
        assertFalse(t.containsKey(H + "a/as_num"));
        assertEquals("224.0.0.1", t.get(H + "b/rr_cluster_id"));
        assertEquals("64513", t.get(H + "b/as_num"));
    }

    @Test
    void ipv6OnlyNodeHasAnEmptyIpv4Address() {
        SortedMap<String, String> t = tree(NODES);
        assertEquals("", t.get(H + "c/ip_addr_v4"));
        assertFalse(t.containsKey(H + "c/network_v4"));
        assertEquals("2001:db8::1:0:0:7", t.get(H + "c/ip_addr_v6"));
        assertEquals("2001:db8::/64", t.get(H + "c/network_v6"));
    }

    @Test
    void globalPeerHasConfdsJsonShape() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: tor}
                spec: {peerIP: 10.0.0.5, asNumber: 65001}
                """);
        assertEquals("{\"ip\":\"10.0.0.5\",\"as_num\":\"65001\",\"rr_cluster_id\":\"\",\"password\":null,"
                + "\"source_addr\":\"UseNodeIP\",\"port\":0,\"keep_next_hop\":false,\"restart_time\":\"\","
                + "\"calico_node\":false,\"num_allow_local_as\":0,\"ttl_security\":0,\"reachable_by\":\"\","
                + "\"filters\":null,\"passive_mode\":false,\"local_bgp_peer\":false}", t.get(G + "peer_v4/10.0.0.5"));
        assertFalse(t.keySet().stream().anyMatch(k -> k.startsWith(H) && k.contains("/peer_v4/10.0.0.5")));
    }

    @Test
    void nodeSpecificPeerWithPortUsesIpDashPortKey() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: p}
                spec: {peerIP: "10.0.0.6:1790", asNumber: 65002, node: a, sourceAddress: None,
                       maxRestartTime: 90s, ttlSecurity: 2, filters: [f1]}
                ---
                kind: BGPPeer
                metadata: {name: p6}
                spec: {peerIP: "[2001:db8::9]:1791", asNumber: 65002, node: a}
                """);
        Map<String, Object> p = json(t, H + "a/peer_v4/10.0.0.6-1790");
        assertEquals("1790", Fields.string(p, "port"));
        assertEquals("None", Fields.string(p, "source_addr"));
        assertEquals("90", Fields.string(p, "restart_time"));
        assertEquals("2", Fields.string(p, "ttl_security"));
        assertEquals("[f1]", String.valueOf(Fields.at(p, "filters")));
        assertEquals("1791", Fields.string(json(t, H + "a/peer_v6/2001:db8::9-1791"), "port"));
        assertFalse(t.containsKey(G + "peer_v4/10.0.0.6-1790"));
    }

    @Test
    void selectorsExpandToMatchingNodesWithTheirAsAndClusterId() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: to-rr}
                spec: {nodeSelector: "!has(route-reflector)", peerSelector: "route-reflector == 'true'"}
                """);
        // "route-reflector: yes" is a YAML 1.1 boolean; Calico matches it as the string 'true'.
        Map<String, Object> toRr = json(t, H + "a/peer_v4/10.192.0.3");
        assertEquals("64513", Fields.string(toRr, "as_num"));
        assertEquals("224.0.0.1", Fields.string(toRr, "rr_cluster_id"));
        assertEquals("false", Fields.string(toRr, "calico_node"));
        assertTrue(t.containsKey(H + "c/peer_v4/10.192.0.3"));
        assertFalse(t.containsKey(H + "b/peer_v4/10.192.0.3"));
    }

    @Test
    void reversePeeringsMakeCalicoPeeringSymmetric() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: to-rr}
                spec: {nodeSelector: "!has(route-reflector)", peerSelector: "route-reflector == 'true'"}
                ---
                kind: BGPPeer
                metadata: {name: explicit}
                spec: {node: a, peerIP: 10.192.0.3, asNumber: 64513}
                """);
        Map<String, Object> back = json(t, H + "b/peer_v4/10.192.0.2");
        assertEquals("64512", Fields.string(back, "as_num"));
        assertEquals("", Fields.string(back, "rr_cluster_id"));
        // Selector peering reverses over both families; node c has only IPv6.
        assertTrue(t.containsKey(H + "b/peer_v6/2001:db8::1:0:0:7"));
        assertTrue(t.containsKey(H + "b/peer_v6/fd5f::2"));
    }

    @Test
    void manualReversePeeringIsNotMirrored() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: to-rr}
                spec: {nodeSelector: "group == 'one'", peerSelector: "has(route-reflector)", reversePeering: Manual}
                """);
        assertTrue(t.containsKey(H + "a/peer_v4/10.192.0.3"));
        assertFalse(t.containsKey(H + "b/peer_v4/10.192.0.2"));
    }

    @Test
    void perNodeConfigurationOverridesAndMovesPeerPorts() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPConfiguration
                metadata: {name: node.b}
                spec: {listenPort: 500, logSeverityScreen: Debug,
                       prefixAdvertisements: [{cidr: 10.9.0.0/16, communities: ["65001:1", big]}],
                       communities: [{name: big, value: "65001:2:3"}]}
                ---
                kind: BGPPeer
                metadata: {name: to-b}
                spec: {node: a, peerSelector: has(route-reflector)}
                """);
        assertEquals("500", t.get(H + "b/listen_port"));
        assertEquals("debug", t.get(H + "b/loglevel"));
        assertEquals("[{\"cidr\":\"10.9.0.0/16\",\"communities\":[\"65001:1\",\"65001:2:3\"]}]",
                t.get(H + "b/prefix_advertisements/ip_v4"));
        assertEquals("500", Fields.string(json(t, H + "a/peer_v4/10.192.0.3-500"), "port"));
        assertEquals("info", t.get(G + "loglevel"));
    }

    @Test
    void passwordsComeFromSecretsWhenPresent() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: Secret
                apiVersion: v1
                metadata: {name: bgp-secrets, namespace: calico-system}
                data: {peer: czNjcmV0}
                stringData: {mesh: meshpw}
                ---
                kind: BGPPeer
                metadata: {name: with-pw}
                spec: {peerIP: 10.0.0.7, asNumber: 65003, password: {secretKeyRef: {name: bgp-secrets, key: peer}}}
                ---
                kind: BGPPeer
                metadata: {name: missing-pw}
                spec: {peerIP: 10.0.0.8, asNumber: 65003, password: {secretKeyRef: {name: nope, key: peer}}}
                ---
                kind: BGPConfiguration
                metadata: {name: default}
                spec: {nodeMeshPassword: {secretKeyRef: {name: bgp-secrets, key: mesh}}}
                """);
        assertEquals("s3cret", Fields.string(json(t, G + "peer_v4/10.0.0.7"), "password"));
        assertNull(Fields.at(json(t, G + "peer_v4/10.0.0.8"), "password"));
        assertEquals("meshpw", t.get(G + "node_mesh_password"));
        assertFalse(t.keySet().stream().anyMatch(k -> k.startsWith("/bgpd/")));
    }

    @Test
    void poolsServiceRoutesAndBlocks() {
        SortedMap<String, String> raw = raw("""
                kind: IPPool
                metadata: {name: p1}
                spec: {cidr: 192.168.0.0/16, ipipMode: CrossSubnet, natOutgoing: true}
                ---
                kind: IPPool
                metadata: {name: p6}
                spec: {cidr: "fd00:10::/64", vxlanMode: Always, disableBGPExport: true}
                ---
                kind: BGPConfiguration
                metadata: {name: default}
                spec: {serviceClusterIPs: [{cidr: 10.101.0.0/16}, {}, {cidr: "fd00:96::/112"}],
                       serviceLoadBalancerIPs: [{cidr: 80.15.0.0/24}, {cidr: 80.15.1.1/32}]}
                """);
        raw.put("/calico/ipam/v2/host/a/ipv4/block/192.168.1.0-26", "{\"state\":\"confirmed\"}");
        raw.put("/calico/ipam/v2/host/a/ipv4/block/192.168.2.0-26", "{\"state\":\"pending\"}");
        SortedMap<String, String> t = CalicoTree.derive(raw);
        assertEquals("{\"cidr\":\"192.168.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"cross-subnet\",\"vxlan_mode\":\"\","
                + "\"masquerade\":true,\"ipam\":true,\"disabled\":false,\"disableBGPExport\":false,"
                + "\"assignment_mode\":\"Automatic\"}", t.get("/calico/v1/ipam/v4/pool/192.168.0.0-16"));
        Map<String, Object> p6 = json(t, "/calico/v1/ipam/v6/pool/fd00:10::-64");
        assertEquals("always", Fields.string(p6, "vxlan_mode"));
        assertEquals("true", Fields.string(p6, "disableBGPExport"));
        assertEquals("10.101.0.0/16", t.get("/calico/staticroutes/10.101.0.0-16"));
        assertEquals("10.101.0.0/16", t.get("/calico/rejectcidrs/10.101.0.0-16"));
        assertEquals("fd00:96::/112", t.get("/calico/staticroutesv6/fd00:96::-112"));
        assertEquals("80.15.0.0/24", t.get("/calico/staticroutes/80.15.0.0-24"));
        assertFalse(t.containsKey("/calico/staticroutes/80.15.1.1-32"));
        assertEquals("10.101.0.0/16,fd00:96::/112", t.get(G + "svc_cluster_ips"));
        assertTrue(t.containsKey("/calico/ipam/v2/host/a/ipv4/block/192.168.1.0-26"));
        assertFalse(t.containsKey("/calico/ipam/v2/host/a/ipv4/block/192.168.2.0-26"));
    }

    @Test
    void literalV1TreePassesThroughUnchanged() {
        SortedMap<String, String> v1 = new TreeMap<>(Map.of(
                G + "as_num", "65010",
                G + "node_mesh", "{\"enabled\":false}",
                G + "loglevel", "debug",
                H + "n1/ip_addr_v4", "10.0.0.1",
                G + "peer_v4/10.0.0.9", "{\"ip\":\"10.0.0.9\",\"as_num\":\"65020\"}",
                "/calico/v1/ipam/v4/pool/10.0.0.0-8", "{\"cidr\":\"10.0.0.0/8\"}",
                "/calico/resources/v3/projectcalico.org/bgpfilters/f1", "{\"spec\":{}}"));
        assertEquals(v1, CalicoTree.derive(v1));
    }

    @Test
    void peerLocalAsAndNextHopModeReachEveryPeeringOfTheResource() {
        SortedMap<String, String> t = tree(NODES + """
                ---
                kind: BGPPeer
                metadata: {name: explicit}
                spec: {peerIP: 10.0.0.7, asNumber: 65003, localASNumber: 65100, numAllowedLocalASNumbers: 2, nextHopMode: Keep}
                ---
                kind: BGPPeer
                metadata: {name: to-reflectors}
                spec: {peerSelector: has(route-reflector), localASNumber: 64513, nextHopMode: Self}
                ---
                kind: BGPPeer
                metadata: {name: plain}
                spec: {peerIP: 10.0.0.8, asNumber: 65003}
                """);
        Map<String, Object> explicit = json(t, G + "peer_v4/10.0.0.7");
        assertEquals("65100", Fields.string(explicit, "local_as_num"));
        assertEquals("2", Fields.string(explicit, "num_allow_local_as"));
        assertEquals("Keep", Fields.string(explicit, "next_hop_mode"));
        Map<String, Object> toRr = json(t, G + "peer_v4/10.192.0.3");
        assertEquals("64513", Fields.string(toRr, "local_as_num"));
        assertEquals("Self", Fields.string(toRr, "next_hop_mode"));
        Map<String, Object> plain = json(t, G + "peer_v4/10.0.0.8");
        assertNull(Fields.at(plain, "local_as_num"));
        assertNull(Fields.at(plain, "next_hop_mode"));
    }
}
