package org.bgpd.fib.sync;

import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;

/** Every route (IPv4 and IPv6, all tables) and link the kernel reported in one dump. Immutable. */
public record KernelSnapshot(List<KernelRoute> routes, Map<Integer, KernelLink> links) {
    public KernelSnapshot {
        routes = List.copyOf(routes);
        links = Map.copyOf(links);
    }
}
