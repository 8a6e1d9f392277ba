package org.bgpd.rib.adjout;

import org.bgpd.rib.reflect.Reflection;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.NextHopMode;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.AttrsBuilder;

/**
 * The attribute changes every export makes (before any export policy), following BIRD's
 * {@code bgp_update_attrs}:
 * <ul>
 * <li>to eBGP: prepend our AS (RFC 4271 §5.1.2); next hop self unless {@link NextHopMode#KEEP}
 *     (§5.1.3); no LOCAL_PREF (§5.1.5); no ORIGINATOR_ID / CLUSTER_LIST, which stay inside the AS
 *     (RFC 4456 §8); no MED learned from a BGP peer (§5.1.4: MED is not passed on to other ASes;
 *     BIRD keeps only a MED set by policy, here the one a static route carries);</li>
 * <li>to iBGP: LOCAL_PREF set to the default when absent (§5.1.5); next hop unchanged unless
 *     {@link NextHopMode#SELF}; on reflection ORIGINATOR_ID set to the source's BGP id if absent
 *     and our cluster id prepended to CLUSTER_LIST (RFC 4456 §8).</li>
 * </ul>
 * Next hop "self" is {@link NextHop#SELF}; the encoder turns it into the session's address.
 * Stateless; safe from any thread.
 */
public final class ExportAttrs {
    private ExportAttrs() {}

    public static Attrs outbound(Attrs in, PeerInfo from, GroupKey to, int clusterId, long defaultLocalPref) {
        if (!to.ibgp()) {
            AttrsBuilder b = AttrsBuilder.from(in).prepend(to.localAs(), 1).clearLocalPref().clearOriginatorId().clusterList();
            if (from.isBgp()) b.clearMed();
            if (to.nextHop() != NextHopMode.KEEP) b.nextHop(NextHop.SELF);
            return b.build();
        }
        boolean reflected = Reflection.reflects(from, true);
        boolean setLocalPref = !in.has(Attrs.HAS_LOCAL_PREF);
        boolean nextHopSelf = to.nextHop() == NextHopMode.SELF && !in.nextHop().isSelf();
        if (!reflected && !setLocalPref && !nextHopSelf) return in;
        AttrsBuilder b = AttrsBuilder.from(in);
        if (setLocalPref) b.localPref((int) defaultLocalPref);
        if (nextHopSelf) b.nextHop(NextHop.SELF);
        if (reflected) b.originatorIdIfAbsent(from.bgpId()).prependClusterId(clusterId);
        return b.build();
    }
}
