package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.rib.route.Family;

/**
 * A FIB in memory with the kernel's rules as bgpd meets them: routes keyed by table, prefix,
 * tos and metric; another protocol's key is not replaced (EEXIST) nor deleted (ESRCH); IPv6
 * gets metric 1024 when none is given; a gateway must lie inside a directly connected route
 * (unicast, no gateway) unless the hop is onlink (ENETUNREACH otherwise, as the kernel says).
 * Used by the lab and by unit tests. Owned by one thread; not thread-safe.
 */
public final class InMemoryFib implements Fib {
    private final int table;
    private final int protocol;
    private final Map<RouteKey, KernelRoute> routes = new LinkedHashMap<>();

    public InMemoryFib(int table, int protocol) {
        this.table = table;
        this.protocol = protocol;
    }

    @Override
    public int table() { return table; }

    @Override
    public int protocol() { return protocol; }

    /** Puts a route of any table and protocol, as another daemon or `ip route add` would. */
    public void addForeign(KernelRoute r) { routes.put(r.key(), r); }

    private KernelRoute stamp(KernelRoute r) {
        KernelRoute s = r.withOwner(table, protocol);
        if (s.family() == Family.IPV6_UNICAST && s.metric() == 0) s = s.withMetric(FibWriter.IPV6_DEFAULT_METRIC);
        return s;
    }

    @Override
    public FibResult install(List<KernelRoute> batch) {
        List<RouteFailure> failures = new ArrayList<>();
        for (KernelRoute r : batch) {
            KernelRoute s = stamp(r);
            KernelRoute old = routes.get(s.key());
            if (old != null && old.protocol() != protocol) {
                failures.add(new RouteFailure(s, "install", Errno.EEXIST, "owned by protocol " + old.protocol()));
            } else if (!reachable(s)) {
                failures.add(new RouteFailure(s, "install", Errno.ENETUNREACH, "gateway not on a connected network"));
            } else {
                routes.put(s.key(), s);
            }
        }
        return new FibResult(batch.size(), failures);
    }

    private boolean reachable(KernelRoute r) {
        if (r.type() != RouteType.UNICAST) return true;
        for (KernelNextHop h : r.nextHops()) {
            if (h.gateway() == null || h.onlink()) continue;
            boolean found = false;
            for (KernelRoute c : routes.values()) {
                if (c.type() != RouteType.UNICAST || c.nextHops().isEmpty()) continue;
                boolean direct = true;
                for (KernelNextHop ch : c.nextHops()) direct &= ch.gateway() == null;
                if (direct && c.prefix().contains(h.gateway().asPrefix())) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    @Override
    public FibResult remove(List<KernelRoute> batch) {
        List<RouteFailure> failures = new ArrayList<>();
        for (KernelRoute r : batch) {
            KernelRoute s = stamp(r);
            KernelRoute old = routes.get(s.key());
            if (old == null || old.protocol() != protocol)
                failures.add(new RouteFailure(s, "delete", Errno.ESRCH, "no route of protocol " + protocol));
            else routes.remove(s.key());
        }
        return new FibResult(batch.size(), failures);
    }

    @Override
    public List<KernelRoute> routes() { return List.copyOf(routes.values()); }

    @Override
    public void close() { }
}
