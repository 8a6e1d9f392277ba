package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import org.bgpd.rib.route.NextHop;

/**
 * Next-hop resolution for the decision process (RFC 4271 §9.1.2.1 resolvability, §9.1.2.2 d
 * interior cost): address → reachable + IGP metric, fed by fib-sync. A next hop nobody has told
 * us about counts as reachable at cost 0, so the RIB works before fib-sync starts and in RR mode
 * where it never does. Link-local parts are ignored: resolution is by the global address.
 * Owned by the RIB thread; not thread-safe.
 */
public final class NextHops {
    private static final long UNREACHABLE = -1L;
    private final Object2LongOpenHashMap<NextHop> metrics = new Object2LongOpenHashMap<>();

    public NextHops() {
        metrics.defaultReturnValue(0L);
    }

    /** Records a resolved next hop with its IGP metric (unsigned 32-bit). */
    public void reachable(NextHop nh, long metric) { metrics.put(key(nh), metric & 0xFFFF_FFFFL); }

    public void unreachable(NextHop nh) { metrics.put(key(nh), UNREACHABLE); }

    /** Back to "unknown": reachable, cost 0. */
    public void forget(NextHop nh) { metrics.removeLong(key(nh)); }

    public boolean isReachable(NextHop nh) {
        return metrics.isEmpty() || nh.isSelf() || metrics.getLong(key(nh)) != UNREACHABLE;
    }

    /** IGP cost; 0 when unknown or unreachable (unreachable candidates never get this far). */
    public long cost(NextHop nh) {
        if (metrics.isEmpty() || nh.isSelf()) return 0;
        long m = metrics.getLong(key(nh));
        return m == UNREACHABLE ? 0 : m;
    }

    private static NextHop key(NextHop nh) {
        return nh.hasLinkLocal() ? new NextHop(nh.family(), nh.hi(), nh.lo(), 0, 0) : nh;
    }
}
