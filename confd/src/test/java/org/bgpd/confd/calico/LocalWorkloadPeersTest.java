package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LocalWorkloadPeersTest {

    private static final String H = "/calico/bgp/v1/host/";
    private static final String G = "/calico/bgp/v1/global/";

    private static final String CLUSTER = """
            kind: Node
            metadata: {name: me, labels: {rack: r1}}
            spec: {bgp: {ipv4Address: 10.192.0.2/16, ipv6Address: "2001::102/64"}}
            ---
            kind: Node
            metadata: {name: other}
            spec: {bgp: {ipv4Address: 10.192.0.3/16}}
            ---
            kind: BGPPeer
            metadata: {name: everywhere}
            spec: {localWorkloadSelector: "app == 'bird'", asNumber: 64516, localASNumber: 65002, filters: [f1]}
            ---
            kind: BGPPeer
            metadata: {name: on-me}
            spec: {localWorkloadSelector: "app == 'bird'", node: me, asNumber: 64517}
            ---
            kind: BGPPeer
            metadata: {name: on-other}
            spec: {localWorkloadSelector: "app == 'bird'", node: other, asNumber: 64518}
            ---
            kind: BGPPeer
            metadata: {name: on-rack}
            spec: {localWorkloadSelector: "app == 'bird'", nodeSelector: "rack == 'r1'", asNumber: 64519}
            ---
            kind: BGPPeer
            metadata: {name: plain}
            spec: {peerIP: 192.0.2.1, asNumber: 64520}
            """;

    private static String status(String peer, String v4, String v6) {
        return "{\"ifaceName\":\"cali1\",\"ipv4Nets\":[" + v4 + "],\"ipv6Nets\":[" + v6 + "],\"bgpPeerName\":\"" + peer + "\"}";
    }

    private static SortedMap<String, String> tree(Map<String, String> files, String node) {
        SortedMap<String, String> raw = CalicoTreeTest.raw(CLUSTER);
        files.forEach((name, json) -> raw.put(LocalWorkloadPeers.PREFIX + name, json));
        return CalicoTree.derive(raw, node);
    }

    @Test
    void activeTakesTheFirstAddressOfEachFamilyAndSkipsUnusableFiles() {
        SortedMap<String, Map<String, Object>> files = new TreeMap<>();
        files.put("pod1", Json.parseObject(status("p", "\"192.168.0.1/32\",\"192.168.0.9/32\"", "\"fd00::1/128\"")));
        files.put("pod2", Json.parseObject(status("", "\"192.168.0.2/32\"", "")));
        files.put("pod3", Json.parseObject(status("p", "", "")));
        files.put("pod4", Json.parseObject(status("p", "\"not-an-ip/32\"", "\"fd00::4/128\"")));
        files.put("pod5", Json.parseObject(status("p", "", "\"fd00::5/128\"")));
        assertEquals(List.of(new LocalWorkloadPeers.Workload("pod1", "p", "192.168.0.1", "fd00::1"),
                        new LocalWorkloadPeers.Workload("pod5", "p", "", "fd00::5")),
                LocalWorkloadPeers.active(files));
    }

    @Test
    void globalBgpPeerGivesGlobalLocalPeersForEachFamily() {
        SortedMap<String, String> t = tree(Map.of("pod1",
                status("everywhere", "\"192.168.162.134/32\"", "\"fd00:10:244::a284/128\"")), "me");
        Map<String, Object> v4 = CalicoTreeTest.json(t, G + "peer_v4/192.168.162.134");
        assertEquals("true", Fields.string(v4, "local_bgp_peer"));
        assertEquals("64516", Fields.string(v4, "as_num"));
        assertEquals("65002", Fields.string(v4, "local_as_num"));
        assertEquals(List.of("f1"), Fields.stringList(v4, "filters"));
        assertEquals("true", Fields.string(CalicoTreeTest.json(t, G + "peer_v6/fd00:10:244::a284"), "local_bgp_peer"));
    }

    @Test
    void nodeScopedBgpPeerAppliesOnlyWhenItPicksThisNode() {
        Map<String, String> files = Map.of(
                "pod1", status("on-me", "\"192.168.162.136/32\"", ""),
                "pod2", status("on-other", "\"192.168.162.137/32\"", ""),
                "pod3", status("on-rack", "\"192.168.162.138/32\"", ""));
        SortedMap<String, String> t = tree(files, "me");
        assertEquals("64517", Fields.string(CalicoTreeTest.json(t, H + "me/peer_v4/192.168.162.136"), "as_num"));
        assertEquals("64519", Fields.string(CalicoTreeTest.json(t, H + "me/peer_v4/192.168.162.138"), "as_num"));
        assertTrue(t.keySet().stream().noneMatch(k -> k.endsWith("/192.168.162.137")), t.keySet().toString());

        SortedMap<String, String> unknownNode = tree(files, null);
        assertTrue(unknownNode.keySet().stream().noneMatch(k -> k.contains("192.168.162.13")));
    }

    @Test
    void filesNamingAMissingOrNonWorkloadPeerGiveNothing() {
        SortedMap<String, String> t = tree(Map.of(
                "pod1", status("gone", "\"192.168.162.140/32\"", ""),
                "pod2", status("plain", "\"192.168.162.141/32\"", "")), "me");
        assertTrue(t.keySet().stream().noneMatch(k -> k.contains("192.168.162.14")), t.keySet().toString());
        assertFalse(t.keySet().stream().anyMatch(k -> k.startsWith(LocalWorkloadPeers.PREFIX)), "raw files stay out");
        assertEquals("false", Fields.string(CalicoTreeTest.json(t, G + "peer_v4/192.0.2.1"), "local_bgp_peer"));
    }
}
