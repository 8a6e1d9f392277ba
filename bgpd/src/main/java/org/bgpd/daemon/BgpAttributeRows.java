package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.control.RouteInfo.RouteAttribute;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Ipv4;
import org.bgpd.rib.wire.AttrsView;

/**
 * A route's path attributes as BIRD 2's {@code show route all} prints them ("BGP.origin: IGP",
 * "BGP.community: (65001,100)"), in BIRD's order. Stateless; safe from any thread.
 */
final class BgpAttributeRows {
    private BgpAttributeRows() {}

    static List<RouteAttribute> of(Attrs a) {
        List<RouteAttribute> out = new ArrayList<>(8);
        out.add(attr("BGP.origin", switch (a.origin()) {
            case Attrs.ORIGIN_IGP -> "IGP";
            case Attrs.ORIGIN_EGP -> "EGP";
            default -> "Incomplete";
        }));
        out.add(attr("BGP.as_path", AttrsView.asPathText(a)));
        if (a.nextHop() != null && !a.nextHop().isSelf()) out.add(attr("BGP.next_hop", a.nextHop().toString()));
        if (a.has(Attrs.HAS_MED)) out.add(attr("BGP.med", Integer.toUnsignedString(a.med())));
        if (a.has(Attrs.HAS_LOCAL_PREF)) out.add(attr("BGP.local_pref", Integer.toUnsignedString(a.localPref())));
        if (a.has(Attrs.ATOMIC_AGGREGATE)) out.add(attr("BGP.atomic_aggr", ""));
        AttrsView.Aggregator agg = AttrsView.aggregator(a);
        if (agg != null) out.add(attr("BGP.aggregator", Ipv4.toString(agg.id()) + " AS" + Integer.toUnsignedString(agg.as())));
        int[] comms = AttrsView.communities(a);
        if (comms.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (int c : comms) sb.append(sb.isEmpty() ? "" : " ").append(AttrsView.communityText(c));
            out.add(attr("BGP.community", sb.toString()));
        }
        if (AttrsView.hasOriginatorId(a)) out.add(attr("BGP.originator_id", Ipv4.toString(AttrsView.originatorId(a))));
        int[] clusters = AttrsView.clusterList(a);
        if (clusters.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (int c : clusters) sb.append(sb.isEmpty() ? "" : " ").append(Ipv4.toString(c));
            out.add(attr("BGP.cluster_list", sb.toString()));
        }
        long[] ext = AttrsView.extendedCommunities(a);
        if (ext.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (long e : ext) {
                sb.append(sb.isEmpty() ? "" : " ").append(String.format("(generic, 0x%x, 0x%x)", e >>> 32, e & 0xFFFF_FFFFL));
            }
            out.add(attr("BGP.ext_community", sb.toString()));
        }
        int[] large = AttrsView.largeCommunities(a);
        if (large.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i + 2 < large.length; i += 3) {
                sb.append(sb.isEmpty() ? "" : " ").append('(').append(Integer.toUnsignedString(large[i])).append(", ")
                        .append(Integer.toUnsignedString(large[i + 1])).append(", ")
                        .append(Integer.toUnsignedString(large[i + 2])).append(')');
            }
            out.add(attr("BGP.large_community", sb.toString()));
        }
        return out;
    }

    private static RouteAttribute attr(String name, String value) { return new RouteAttribute(name, value); }
}
