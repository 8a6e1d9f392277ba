package org.bgpd.fib.model;

import java.util.List;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;

/**
 * A route as the kernel holds it (one rtmsg plus attributes). {@code nextHops} is empty for
 * reject types (blackhole, unreachable, prohibit), one element for a plain route and several for
 * ECMP (RTA_MULTIPATH). {@code protocol} is rtm_protocol (2 kernel, 3 boot, 4 static, 186 bgp...).
 * Immutable; safe to share.
 */
public record KernelRoute(Prefix prefix, int table, int protocol, RouteType type, int metric, int scope, int tos,
                          List<KernelNextHop> nextHops) {

    public static final int TABLE_MAIN = 254;
    public static final int TABLE_LOCAL = 255;
    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_LINK = 253;
    public static final int SCOPE_HOST = 254;

    public KernelRoute {
        nextHops = List.copyOf(nextHops);
    }

    /** A route of ours before the FIB stamps table and protocol on it; scope as `ip route` would pick. */
    public static KernelRoute unicast(Prefix prefix, int metric, List<KernelNextHop> hops) {
        boolean anyGateway = false;
        for (KernelNextHop h : hops) anyGateway |= h.gateway() != null;
        return new KernelRoute(prefix, 0, 0, RouteType.UNICAST, metric, anyGateway ? SCOPE_UNIVERSE : SCOPE_LINK, 0, hops);
    }

    public static KernelRoute reject(Prefix prefix, RouteType type, int metric) {
        return new KernelRoute(prefix, 0, 0, type, metric, SCOPE_UNIVERSE, 0, List.of());
    }

    public Family family() { return prefix.family(); }

    public RouteKey key() { return new RouteKey(table, prefix, tos, metric); }

    public boolean isMultipath() { return nextHops.size() > 1; }

    public KernelRoute withOwner(int table, int protocol) {
        return new KernelRoute(prefix, table, protocol, type, metric, scope, tos, nextHops);
    }

    public KernelRoute withMetric(int metric) {
        return new KernelRoute(prefix, table, protocol, type, metric, scope, tos, nextHops);
    }

    public KernelRoute withNextHops(List<KernelNextHop> hops) {
        return new KernelRoute(prefix, table, protocol, type, metric, scope, tos, hops);
    }

    /** Equal as the kernel sees it: interface names (resolved by us, not in the message) ignored. */
    public boolean sameRoute(KernelRoute o) {
        if (!prefix.equals(o.prefix) || table != o.table || protocol != o.protocol || type != o.type || metric != o.metric
                || scope != o.scope || tos != o.tos || nextHops.size() != o.nextHops.size()) return false;
        for (int i = 0; i < nextHops.size(); i++) if (!nextHops.get(i).sameHop(o.nextHops.get(i))) return false;
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (type != RouteType.UNICAST) sb.append(type.iprouteName()).append(' ');
        sb.append(prefix);
        for (KernelNextHop h : nextHops) sb.append(isMultipath() ? " nexthop " : " ").append(h);
        sb.append(" table ").append(table).append(" proto ").append(protocol);
        if (metric != 0) sb.append(" metric ").append(metric);
        return sb.toString();
    }
}
