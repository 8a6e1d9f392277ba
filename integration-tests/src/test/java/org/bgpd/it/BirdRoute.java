package org.bgpd.it;

import java.util.List;
import java.util.Map;

/**
 * Immutable; safe to share. One route of {@code show route [all]}. {@code type} is the route
 * type word BIRD prints ({@code unicast}, {@code blackhole}, {@code unreachable},
 * {@code prohibit}); BIRD 1.6 prints the next hop there instead, so its routes with a next hop
 * have type {@code unicast}. {@code from} is the BGP neighbor when it differs from the next
 * hop, else null. {@code bgpTag} is the bracketed origin summary ({@code i}, {@code AS65001i}),
 * null when absent. {@code attributes} holds every {@code Key: value} detail line of
 * {@code show route all} in order, including {@code Type}, with values as printed
 * ({@code BGP.as_path} of an iBGP route is "").
 */
public record BirdRoute(String table, String prefix, String type, List<BirdNextHop> nextHops, String protocol,
                        String since, String from, boolean primary, int preference, String bgpTag,
                        Map<String, String> attributes) {

    public BirdRoute {
        nextHops = List.copyOf(nextHops);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The first next hop's gateway address, or null for routes without one. */
    public String via() {
        for (BirdNextHop nh : nextHops) {
            if (nh.gateway() != null) {
                return nh.gateway();
            }
        }
        return null;
    }

    /** The first next hop's interface, or null. */
    public String dev() {
        return nextHops.isEmpty() ? null : nextHops.getFirst().iface();
    }

    /** The attribute's value, or null when the route does not carry it. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** {@code BGP.as_path} as printed ("" for an empty path), or null for non-BGP routes. */
    public String asPath() {
        return attributes.get("BGP.as_path");
    }

    /** {@code BGP.next_hop}, or null. */
    public String bgpNextHop() {
        return attributes.get("BGP.next_hop");
    }
}
