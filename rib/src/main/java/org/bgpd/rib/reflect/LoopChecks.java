package org.bgpd.rib.reflect;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.AsPathSegment;
import org.bgpd.rib.wire.AttrsView;

/**
 * Import-time loop detection; a looped route is treated as withdrawn, as BIRD does:
 * <ul>
 * <li>our AS (the session's local AS) in the AS_PATH of a route from an eBGP peer more often than
 *     the peer's {@code allowLocalAs} (RFC 4271 §9.1.2: a route whose AS_PATH holds our AS is not
 *     eligible; BIRD drops it at import and relaxes that with "allow local as N");</li>
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
        if (from.isBgp() && !from.ibgp() && a.asPathLength() > 0
                && occurrences(AttrsView.asPath(a), from.localAs(), from.allowLocalAs() + 1) > from.allowLocalAs()) {
            return true;
        }
        return false;
    }

    static boolean containsAs(List<AsPathSegment> path, int as) {
        return occurrences(path, as, 1) > 0;
    }

    /** How often {@code as} appears in {@code path}, counting no further than {@code enough}. */
    static int occurrences(List<AsPathSegment> path, int as, int enough) {
        int n = 0;
        for (AsPathSegment s : path) {
            for (int x : s.asns()) {
                if (x == as && ++n >= enough) return n;
            }
        }
        return n;
    }
}
