package org.bgpd.rib.loop;

import java.util.List;

/** One page of a {@link RibCommand.QueryAll} walk; {@code last} ends it. Immutable; safe to share. */
public record RoutePage(List<RouteView> routes, boolean last) {
    public RoutePage {
        routes = List.copyOf(routes);
    }
}
