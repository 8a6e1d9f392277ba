package org.bgpd.confd.calico;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Felix's endpoint-status files as local workload peerings. Felix writes one JSON file per local
 * workload ({@code <prefix>/endpoint-status/<name>}: {@code ifaceName}, {@code ipv4Nets},
 * {@code ipv6Nets}, {@code bgpPeerName}) and names the BGPPeer whose {@code localWorkloadSelector}
 * picked the workload; Calico's confd (local_bgp_peer_watcher.go) peers with the first address of
 * each family of every file that names a peer. In the raw key tree a file is
 * {@code /bgpd/endpoint-status/<file name>} = its JSON ({@link CalicoResourceFolder} reads the
 * folder; the files are local to the node, never in a datastore).
 * Stateless; safe to share.
 */
final class LocalWorkloadPeers {

    static final String PREFIX = "/bgpd/endpoint-status/";

    /** One workload that peers: the BGPPeer that selected it and its addresses ("" when none). */
    record Workload(String file, String bgpPeerName, String ipv4, String ipv6) {}

    private LocalWorkloadPeers() {}

    /**
     * The workloads that name a BGPPeer and have an address, by file name. A file without a peer
     * name, or whose first address of a family is malformed, is left out, as Calico leaves it out.
     */
    static List<Workload> active(SortedMap<String, Map<String, Object>> statusByFile) {
        List<Workload> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : statusByFile.entrySet()) {
            Map<String, Object> status = e.getValue();
            String peer = Fields.string(status, "bgpPeerName");
            List<String> v4 = Fields.stringList(status, "ipv4Nets");
            List<String> v6 = Fields.stringList(status, "ipv6Nets");
            String ipv4 = v4.isEmpty() ? "" : Cidrs.address(v4.get(0));
            String ipv6 = v6.isEmpty() ? "" : Cidrs.address(v6.get(0));
            boolean malformed = (!v4.isEmpty() && ipv4.isEmpty()) || (!v6.isEmpty() && ipv6.isEmpty());
            if (peer.isEmpty() || malformed || (ipv4.isEmpty() && ipv6.isEmpty())) {
                continue;
            }
            out.add(new Workload(e.getKey(), peer, ipv4, ipv6));
        }
        return out;
    }
}
