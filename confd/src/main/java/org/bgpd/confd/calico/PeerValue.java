package org.bgpd.confd.calico;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One v1 peering, the value of a {@code peer_v4}/{@code peer_v6} key; {@link #json} writes the
 * fields in the order of confd's {@code bgpPeer} struct, {@code as_num} as a JSON string.
 * Immutable; safe to share.
 */
record PeerValue(String ip, String asNum, String rrClusterId, String password, String sourceAddr,
                 int port, boolean keepNextHop, String restartTime, boolean calicoNode,
                 int numAllowLocalAs, int ttlSecurity, String reachableBy, List<String> filters,
                 boolean passiveMode, boolean localBgpPeer, String localAsNum, String nextHopMode) {

    /** The peering to {@code ip} before the BGPPeer-wide settings are applied. */
    static PeerValue base(String ip, String asNum, String rrClusterId, int port, boolean calicoNode,
                          int numAllowLocalAs, int ttlSecurity, String reachableBy, boolean keepNextHop) {
        return new PeerValue(ip, asNum, rrClusterId, null, "", port, keepNextHop, "", calicoNode,
                numAllowLocalAs, ttlSecurity, reachableBy, null, false, false, "", "");
    }

    /**
     * Applies what every peering of one BGPPeer resource shares (password, source address, the
     * local AS presented, the next-hop mode...).
     */
    PeerValue withResource(String password, String sourceAddr, String restartTime, boolean keepNextHop,
                           List<String> filters, boolean passiveMode, boolean localBgpPeer, String localAsNum,
                           String nextHopMode) {
        return new PeerValue(ip, asNum, rrClusterId, password, sourceAddr, port, keepNextHop, restartTime,
                calicoNode, numAllowLocalAs, ttlSecurity, reachableBy, filters, passiveMode, localBgpPeer,
                localAsNum, nextHopMode);
    }

    /** The last key segment: the address, with {@code -port} when the port is not BGP's 179. */
    String keySegment() {
        return port == 0 || port == 179 ? ip : ip + "-" + port;
    }

    String family() {
        return Cidrs.isV6(ip) ? "peer_v6" : "peer_v4";
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", ip);
        m.put("as_num", asNum);
        m.put("rr_cluster_id", rrClusterId);
        m.put("password", password);
        m.put("source_addr", sourceAddr);
        m.put("port", port);
        m.put("keep_next_hop", keepNextHop);
        m.put("restart_time", restartTime);
        m.put("calico_node", calicoNode);
        m.put("num_allow_local_as", numAllowLocalAs);
        m.put("ttl_security", ttlSecurity);
        m.put("reachable_by", reachableBy);
        m.put("filters", filters == null || filters.isEmpty() ? null : filters);
        m.put("passive_mode", passiveMode);
        m.put("local_bgp_peer", localBgpPeer);
        if (!localAsNum.isEmpty()) {
            m.put("local_as_num", localAsNum);
        }
        if (!nextHopMode.isEmpty()) {
            m.put("next_hop_mode", nextHopMode);
        }
        return Json.write(m);
    }
}
