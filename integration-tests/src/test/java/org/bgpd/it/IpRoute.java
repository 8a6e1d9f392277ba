package org.bgpd.it;

import java.util.List;

/**
 * Immutable; safe to share. One kernel route as {@code ip -j route show} prints it.
 * {@code prefix} always carries a length ({@code 10.244.1.5/32}, {@code 0.0.0.0/0} for
 * default); {@code type} is {@code unicast} when ip omits it; {@code protocol} is ip's name for
 * the route protocol ({@code boot}, {@code kernel}, {@code static}, {@code bird}) or the number ({@code boot} when ip omits it, as it does for boot);
 * {@code nextHops} is non-empty only for multipath routes, whose single-path fields are null.
 */
public record IpRoute(String table, String prefix, String type, String dev, String gateway, String protocol,
                      String scope, Integer metric, List<NextHop> nextHops) {

    /** One next hop of a multipath (ECMP) route. */
    public record NextHop(String gateway, String dev, int weight) {}

    public IpRoute {
        nextHops = List.copyOf(nextHops);
    }

    public boolean isMultipath() {
        return !nextHops.isEmpty();
    }
}
