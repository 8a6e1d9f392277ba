package org.bgpd.rib.reflect;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.AsPathSegment;
import org.bgpd.rib.wire.AttrsView;

/**
 * Import-time loop detection; a looped route is treated as withdrawn, as BIRD does:
 * <ul>
 * <li>our AS in the AS_PATH of a route from an eBGP peer (RFC 4271 §9.1.2: a route whose
 *     AS_PATH holds our AS is not eligible; BIRD drops it at import, "allow local as 0");</li>
 * <li>ORIGINATOR_ID equal to our router id (RFC 4456 §8);</li>
 * <li>our cluster id in the CLUSTER_LIST (RFC 4456 §8).</li>
 * </ul>
 * Runs once per attribute set of an UPDATE, not per prefix.
 * Stateless; safe from any thread.
 */
public final class LoopChecks {
    private LoopChecks() {}

    /** True when {@code a}, received from {@code from}, has looped back to us. */
    public static boolean looped(Attrs a, PeerInfo from, int routerId, int clusterId) {
        if (a.has(Attrs.HAS_ORIGINATOR_ID) && a.originatorId() == routerId) return true;
        if (a.clusterListLength() > 0) {
            for (int id : AttrsView.clusterList(a)) if (id == clusterId) return true;
        }
        if (from.isBgp() && !from.ibgp() && a.asPathLength() > 0 && containsAs(AttrsView.asPath(a), from.localAs())) return true;
        return false;
    }

    static boolean containsAs(List<AsPathSegment> path, int as) {
        for (AsPathSegment s : path) for (int x : s.asns()) if (x == as) return true;
        return false;
    }
}
