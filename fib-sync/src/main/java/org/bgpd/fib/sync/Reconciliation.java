package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;

/**
 * The difference between the routes a monitor believed the kernel had and a fresh dump:
 * {@code added} holds new and changed routes, {@code removed} routes gone from the kernel
 * (the IPv4 routes a link-down drops silently among them). {@code reason} says what triggered
 * the dump (ENOBUFS, link down, address change). Immutable.
 */
public record Reconciliation(String reason, List<KernelRoute> added, List<KernelRoute> removed, KernelSnapshot snapshot) {

    public Reconciliation {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Compares {@code known} with {@code dump}; afterwards {@code known} holds the dump. */
    public static Reconciliation apply(String reason, Map<RouteKey, KernelRoute> known, KernelSnapshot dump) {
        Map<RouteKey, KernelRoute> fresh = new HashMap<>(dump.routes().size() * 2);
        for (KernelRoute r : dump.routes()) fresh.put(r.key(), r);
        List<KernelRoute> added = new ArrayList<>();
        List<KernelRoute> removed = new ArrayList<>();
        for (Map.Entry<RouteKey, KernelRoute> e : fresh.entrySet()) {
            KernelRoute old = known.get(e.getKey());
            if (old == null || !old.sameRoute(e.getValue())) added.add(e.getValue());
        }
        for (Map.Entry<RouteKey, KernelRoute> e : known.entrySet())
            if (!fresh.containsKey(e.getKey())) removed.add(e.getValue());
        known.clear();
        known.putAll(fresh);
        return new Reconciliation(reason, added, removed, dump);
    }

    public boolean isEmpty() { return added.isEmpty() && removed.isEmpty(); }
}
