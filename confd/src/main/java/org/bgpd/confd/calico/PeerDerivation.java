package org.bgpd.confd.calico;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns v3 BGPPeer resources into v1 {@code peer_v4}/{@code peer_v6} keys the way Calico's confd
 * does (client.go updatePeersV1): global peerings first, then node-specific ones (skipped where a
 * global peering to the same address and port exists), then the reverse peerings that make
 * Calico-to-Calico peering symmetric, then the peerings with local workloads that Felix matched
 * to a BGPPeer's {@code localWorkloadSelector} ({@code local_bgp_peer}). The first peering
 * written to a key wins. BGPPeers are taken in name order so the result is deterministic.
 * Owned by the calling thread; one instance per derivation.
 */
final class PeerDerivation {

    private static final String GLOBAL = "/calico/bgp/v1/global/";
    private static final String HOST = "/calico/bgp/v1/host/";

    private final SortedMap<String, CalicoNode> nodes;
    private final String globalAs;
    private final int globalListenPort;
    private final Map<String, Integer> nodeListenPorts;
    private final Secrets secrets;
    private final Set<String> nodeIps = new HashSet<>();
    private final SortedMap<String, String> out = new TreeMap<>();

    PeerDerivation(SortedMap<String, CalicoNode> nodes, String globalAs, int globalListenPort,
                   Map<String, Integer> nodeListenPorts, Secrets secrets) {
        this.nodes = nodes;
        this.globalAs = globalAs;
        this.globalListenPort = globalListenPort;
        this.nodeListenPorts = nodeListenPorts;
        this.secrets = secrets;
        for (CalicoNode n : nodes.values()) {
            if (!n.ipv4().isEmpty()) {
                nodeIps.add(n.ipv4());
            }
            if (!n.ipv6().isEmpty()) {
                nodeIps.add(n.ipv6());
            }
        }
    }

    /**
     * @param localWorkloads this node's workloads that Felix matched to a BGPPeer
     * @param localNode this node's name, or null (then node-specific local workload peers are left out)
     */
    SortedMap<String, String> derive(SortedMap<String, Map<String, Object>> bgpPeers,
                                     List<LocalWorkloadPeers.Workload> localWorkloads, String localNode) {
        for (boolean globalPass : new boolean[] {true, false}) {
            for (Map<String, Object> res : bgpPeers.values()) {
                String nodeSelector = Fields.string(res, "spec", "nodeSelector");
                String node = Fields.string(res, "spec", "node");
                if (globalPass != (nodeSelector.isEmpty() && node.isEmpty())) {
                    continue;
                }
                List<String> localNodes = nodeSelector.isEmpty()
                        ? (node.isEmpty() ? List.of() : List.of(node))
                        : matching(nodeSelector);
                List<PeerValue> peers = forwardPeers(res);
                for (PeerValue p : withResource(peers, res)) {
                    if (globalPass) {
                        emit(GLOBAL + p.family() + "/" + p.keySegment(), p, null);
                    } else {
                        for (String local : localNodes) {
                            emit(HOST + local + "/" + p.family() + "/" + p.keySegment(), p, p);
                        }
                    }
                }
            }
        }
        for (Map<String, Object> res : bgpPeers.values()) {
            reversePeerings(res);
        }
        for (LocalWorkloadPeers.Workload w : localWorkloads) {
            localWorkloadPeering(bgpPeers.get(w.bgpPeerName()), w, localNode);
        }
        return out;
    }

    /**
     * A peering with a workload on this node, at each of its addresses: a global key when the
     * BGPPeer applies to every node, this node's key when its {@code node}/{@code nodeSelector}
     * picks this node, none otherwise. The workload has no peer IP of its own in the BGPPeer, so
     * no port and no node address applies.
     */
    private void localWorkloadPeering(Map<String, Object> res, LocalWorkloadPeers.Workload w, String localNode) {
        if (res == null || Fields.string(res, "spec", "localWorkloadSelector").isEmpty()) {
            return;
        }
        String nodeSelector = Fields.string(res, "spec", "nodeSelector");
        String node = Fields.string(res, "spec", "node");
        String base;
        if (nodeSelector.isEmpty() && node.isEmpty()) {
            base = GLOBAL;
        } else if (localNode != null && (node.equals(localNode)
                || (!nodeSelector.isEmpty() && matching(nodeSelector).contains(localNode)))) {
            base = HOST + localNode + "/";
        } else {
            return;
        }
        String asNumber = Fields.string(res, "spec", "asNumber");
        List<PeerValue> peers = new ArrayList<>();
        for (String ip : new String[] {w.ipv4(), w.ipv6()}) {
            if (!ip.isEmpty()) {
                peers.add(PeerValue.base(ip, asNumber.isEmpty() ? "0" : asNumber, "", 0, false,
                        intField(res, "numAllowedLocalASNumbers"), intField(res, "ttlSecurity"), "",
                        Fields.bool(res, "spec", "keepOriginalNextHop")));
            }
        }
        for (PeerValue p : withResource(peers, res)) {
            emit(base + p.family() + "/" + p.keySegment(), p, base.equals(GLOBAL) ? null : p);
        }
    }

    private List<PeerValue> forwardPeers(Map<String, Object> res) {
        List<PeerValue> peers = new ArrayList<>();
        String peerSelector = Fields.string(res, "spec", "peerSelector");
        if (!peerSelector.isEmpty()) {
            for (String name : matching(peerSelector)) {
                peers.addAll(nodeAsPeers(nodes.get(name), true, true, res));
            }
            return peers;
        }
        String[] hostPort = splitHostPort(Fields.string(res, "spec", "peerIP"));
        String ip = Cidrs.address(hostPort[0]);
        int port = parsePort(hostPort[1]);
        if (ip.isEmpty()) {
            return peers;
        }
        String asNumber = Fields.string(res, "spec", "asNumber");
        if (port == 0) {
            List<String> calicoNodes = nodesWithIpPortAndAs(ip, asNumber, 0);
            if (!calicoNodes.isEmpty()) {
                Integer nodePort = nodeListenPorts.get(calicoNodes.get(0));
                port = nodePort != null ? nodePort : globalListenPort;
            }
        }
        String reachableBy = Fields.string(res, "spec", "reachableBy");
        if (!reachableBy.isEmpty()) {
            String r = Cidrs.address(reachableBy);
            if (r.isEmpty() || Cidrs.isV6(r) != Cidrs.isV6(ip)) {
                return peers;
            }
        }
        peers.add(PeerValue.base(ip, asNumber.isEmpty() ? "0" : asNumber, "", port, nodeIps.contains(ip),
                intField(res, "numAllowedLocalASNumbers"), intField(res, "ttlSecurity"), reachableBy,
                Fields.bool(res, "spec", "keepOriginalNextHop")));
        return peers;
    }

    private void reversePeerings(Map<String, Object> res) {
        if ("Manual".equals(Fields.string(res, "spec", "reversePeering"))) {
            return;
        }
        String peerSelector = Fields.string(res, "spec", "peerSelector");
        List<String> localNodes;
        boolean v4;
        boolean v6;
        if (!peerSelector.isEmpty()) {
            localNodes = matching(peerSelector);
            v4 = true;
            v6 = true;
        } else {
            String[] hostPort = splitHostPort(Fields.string(res, "spec", "peerIP"));
            String ip = Cidrs.address(hostPort[0]);
            localNodes = ip.isEmpty() ? List.of()
                    : nodesWithIpPortAndAs(ip, Fields.string(res, "spec", "asNumber"), parsePort(hostPort[1]));
            v6 = Cidrs.isV6(hostPort[0]);
            v4 = !v6;
        }
        if (localNodes.isEmpty()) {
            return;
        }
        String nodeSelector = Fields.string(res, "spec", "nodeSelector");
        String node = Fields.string(res, "spec", "node");
        List<String> peerNodes = !nodeSelector.isEmpty() ? matching(nodeSelector)
                : !node.isEmpty() ? List.of(node) : matching("all()");
        List<PeerValue> peers = new ArrayList<>();
        for (String name : peerNodes) {
            peers.addAll(nodeAsPeers(nodes.get(name), v4, v6, res));
        }
        for (PeerValue p : withResource(peers, res)) {
            for (String local : localNodes) {
                emit(HOST + local + "/" + p.family() + "/" + p.keySegment(), p, p);
            }
        }
    }

    /** A Calico node as the far end of a peering: one peering per address family it has. */
    private List<PeerValue> nodeAsPeers(CalicoNode n, boolean v4, boolean v6, Map<String, Object> res) {
        List<PeerValue> peers = new ArrayList<>();
        if (n == null) {
            return peers;
        }
        Integer nodePort = nodeListenPorts.get(n.name());
        int port = nodePort != null ? nodePort : globalListenPort;
        for (String ip : new String[] {v4 ? n.ipv4() : "", v6 ? n.ipv6() : ""}) {
            if (!ip.isEmpty()) {
                // Calico marks only peerIP peerings to a node's address as calico_node (its
                // global_peer fixtures: selector peerings are never made passive).
                peers.add(PeerValue.base(ip, n.effectiveAs(globalAs), n.rrClusterId(), port, false,
                        0, intField(res, "ttlSecurity"), Fields.string(res, "spec", "reachableBy"), false));
            }
        }
        return peers;
    }

    private List<PeerValue> withResource(List<PeerValue> peers, Map<String, Object> res) {
        String password = secrets.lookup(Fields.object(res, "spec", "password", "secretKeyRef"));
        String source = Fields.string(res, "spec", "sourceAddress");
        String restart = Fields.present(res, "spec", "maxRestartTime")
                ? Long.toString(GoDuration.seconds(Fields.string(res, "spec", "maxRestartTime"))) : "";
        List<String> filters = Fields.stringList(res, "spec", "filters");
        boolean passive = Fields.bool(res, "spec", "passiveMode");
        boolean local = !Fields.string(res, "spec", "localWorkloadSelector").isEmpty();
        boolean keep = Fields.bool(res, "spec", "keepOriginalNextHop");
        String localAs = Fields.string(res, "spec", "localASNumber");
        String nextHopMode = Fields.string(res, "spec", "nextHopMode");
        List<PeerValue> result = new ArrayList<>(peers.size());
        for (PeerValue p : peers) {
            result.add(p.withResource(password, source.isEmpty() ? "UseNodeIP" : source, restart, keep,
                    filters.isEmpty() ? null : filters, passive, local, localAs, nextHopMode));
        }
        return result;
    }

    private void emit(String key, PeerValue peer, PeerValue nodeSpecific) {
        if (out.containsKey(key)) {
            return;
        }
        if (nodeSpecific != null
                && out.containsKey(GLOBAL + nodeSpecific.family() + "/" + nodeSpecific.keySegment())) {
            return;
        }
        out.put(key, peer.json());
    }

    private List<String> matching(String selectorText) {
        Selector selector = Selector.parse(selectorText);
        List<String> names = new ArrayList<>();
        for (CalicoNode n : nodes.values()) {
            if (selector.matches(n.labels())) {
                names.add(n.name());
            }
        }
        return names;
    }

    /** Calico nodes that are this peer address and AS (and port, when given). */
    private List<String> nodesWithIpPortAndAs(String ip, String asNumber, int port) {
        String as = asNumber.isEmpty() || "0".equals(asNumber) ? globalAs : asNumber;
        List<String> names = new ArrayList<>();
        for (CalicoNode n : nodes.values()) {
            if (!n.ipv4().equals(ip) && !n.ipv6().equals(ip)) {
                continue;
            }
            if (!n.effectiveAs(globalAs).equals(as)) {
                continue;
            }
            if (port != 0) {
                Integer nodePort = nodeListenPorts.get(n.name());
                // Same test order as client.go: a node port that matches still checks the global one.
                if (nodePort != null && port != nodePort) {
                    continue;
                } else if (globalListenPort != 0 && globalListenPort != port) {
                    continue;
                }
            }
            names.add(n.name());
        }
        return names;
    }

    /** {@code host:port}, {@code [v6]:port} or a bare address (port ""), like Go's SplitHostPort. */
    static String[] splitHostPort(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close > 0 && s.startsWith(":", close + 1)) {
                return new String[] {s.substring(1, close), s.substring(close + 2)};
            }
            return new String[] {s, ""};
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return new String[] {s.substring(0, colon), s.substring(colon + 1)};
        }
        return new String[] {s, ""};
    }

    private static int parsePort(String s) {
        try {
            int p = s.isEmpty() ? 0 : Integer.parseInt(s);
            return p > 0 && p <= 65535 ? p : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int intField(Map<String, Object> res, String name) {
        try {
            String v = Fields.string(res, "spec", name);
            return v.isEmpty() ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
