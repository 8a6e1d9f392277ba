package org.bgpd.control;

import java.time.Instant;
import java.util.List;
import org.bgpd.rib.route.Family;

/**
 * One route as {@code show route [all]} prints it. Routes of one network must come one after
 * another, best first, so the prefix is printed once. Immutable; safe to share.
 *
 * @param table "master4" / "master6"
 * @param prefix the network in text form ("192.168.10.0/26")
 * @param primary the best route for the network (printed with " *")
 * @param from the address the route was learned from, or null; printed unless it equals the first
 *     next hop's gateway
 * @param igpMetric BGP routes with a recursive next hop: "0", "?" (unknown) or "-" (unresolvable),
 *     printed as "(100/0)"; null prints "(100)"
 * @param source BIRD's route source name for the Type line: "BGP", "static", "inherit" (kernel),
 *     "device" (direct)
 * @param scope "univ", "link", "host"
 * @param attributes extended attributes in print order ("BGP.origin" → "IGP"); BGP routes derive
 *     the "[AS65001i]" suffix from BGP.origin and BGP.as_path
 * @param stale the route carries LLGR_STALE (RFC 9494): BIRD prints "(100s)"
 */
public record RouteInfo(String table, Family family, String prefix, String protocol, Instant since,
                        boolean primary, int preference, RouteDest dest, List<NextHopInfo> nextHops,
                        String from, String igpMetric, String source, String scope,
                        List<RouteAttribute> attributes, boolean stale) {

    public RouteInfo {
        nextHops = List.copyOf(nextHops);
        attributes = List.copyOf(attributes);
    }

    /** A route that is not long-lived stale. */
    public RouteInfo(String table, Family family, String prefix, String protocol, Instant since,
                     boolean primary, int preference, RouteDest dest, List<NextHopInfo> nextHops,
                     String from, String igpMetric, String source, String scope,
                     List<RouteAttribute> attributes) {
        this(table, family, prefix, protocol, since, primary, preference, dest, nextHops, from, igpMetric, source, scope,
                attributes, false);
    }

    /** How a route forwards. */
    public enum RouteDest {
        UNICAST("unicast"), BLACKHOLE("blackhole"), UNREACHABLE("unreachable"), PROHIBITED("prohibited");

        private final String text;

        RouteDest(String text) { this.text = text; }

        public String text() { return text; }
    }

    /** @param gateway null for a directly connected ("dev") next hop; @param weight 1-based */
    public record NextHopInfo(String gateway, String iface, int weight) {}

    public record RouteAttribute(String name, String value) {}

    /** The value of an attribute, or null. */
    public String attribute(String name) {
        for (RouteAttribute a : attributes) {
            if (a.name().equals(name)) return a.value();
        }
        return null;
    }
}
