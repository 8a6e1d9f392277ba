package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;

/**
 * Next-hop tracking (RFC 4271 §9.1.2.1): resolves each BGP next hop the RIB asks about through
 * the kernel's main and local tables by longest match, and reports whenever the answer changes:
 * reachable at the matching route's metric, or not (no covering route, or a blackhole /
 * unreachable / prohibit one). Routes of our own protocol are ignored, so a BGP route never
 * resolves another BGP next hop (BIRD's {@code gateway direct}-like safety against loops through
 * our own installs). Fed by the {@link RouteMonitor}: it resyncs on link and address events, and
 * the kernel's connected and local routes follow addresses, so an address or link change
 * re-resolves at once. Until the first dump is loaded nothing is answered and the RIB treats
 * every next hop as reachable.
 * <p>Thread-safe: {@link #watch} comes from the RIB thread, route events from the monitor
 * thread; answers are given under the lock, and {@link Answers} must only queue them.
 */
public final class NextHopResolver implements KernelListener {

    /** Receives answers, e.g. as RIB commands. */
    @FunctionalInterface
    public interface Answers {
        void resolved(NextHop nextHop, boolean reachable, long metric);
    }

    /** A next hop's resolution: {@code metric} is meaningful only when reachable. */
    public record Resolution(boolean reachable, long metric) {
        static final Resolution UNREACHABLE = new Resolution(false, 0);
    }

    /** Gateways followed to find one on a connected network, beyond which it is a loop. */
    private static final int MAX_RECURSION = 8;

    private final int ownProtocol;
    private final Answers answers;
    private final Map<Prefix, Map<RouteKey, KernelRoute>> byPrefix = new HashMap<>();
    private final Map<NextHop, Resolution> watched = new LinkedHashMap<>();
    private final Map<NextHop, NextHop> gateways = new HashMap<>();
    private Runnable gatewayMoved = () -> { };
    private boolean loaded;

    /** {@code ownProtocol}: the protocol number our installs carry, never used to resolve. */
    public NextHopResolver(int ownProtocol, Answers answers) {
        this.ownProtocol = ownProtocol;
        this.answers = answers;
    }

    /** Starts answering from a full dump; every watched next hop is resolved and reported. */
    public synchronized void load(List<KernelRoute> routes) {
        byPrefix.clear();
        for (KernelRoute r : routes) put(r);
        loaded = true;
        for (var e : watched.entrySet()) e.setValue(null);
        refresh(null);
    }

    /** Tracks a next hop (idempotent); answers at once when the tables are loaded. */
    public synchronized void watch(NextHop nh) {
        if (nh == null || nh.isSelf() || watched.containsKey(nh)) return;
        watched.put(nh, null);
        if (loaded) refresh(nh.asPrefix());
    }

    /**
     * Hears that the gateway some watched next hop installs through ({@link #gateway}) changed:
     * the covering route of a recursive next hop moved. Called under the lock; must only queue.
     */
    public synchronized void onGatewayMoved(Runnable listener) { this.gatewayMoved = listener; }

    /**
     * The address to install a route with BGP next hop {@code nh} through. The kernel accepts
     * only a gateway on a directly connected network (ENETUNREACH otherwise), while a BGP next hop
     * (an iBGP peer's loopback, a multihop peer) may be reachable only through another router:
     * then this is the gateway of the route that covers it, followed recursively (BIRD's
     * {@code gateway recursive}). {@code nh} itself when it is on a connected network, when no
     * usable route covers it, or before the first dump; for an ECMP covering route, its first hop.
     */
    public synchronized NextHop gateway(NextHop nh) {
        NextHop at = nh;
        for (int depth = 0; depth < MAX_RECURSION; depth++) {
            KernelRoute r = longestMatch(at);
            if (r == null || r.type() != RouteType.UNICAST || r.nextHops().isEmpty()) return at;
            NextHop via = r.nextHops().getFirst().gateway();
            if (via == null || via.equals(at) || r.nextHops().getFirst().onlink()) return at;
            at = via;
        }
        return nh; // a loop of gateways: leave it to the kernel to refuse
    }

    /** The current answer for {@code nh}, null before {@link #load} or when not watched. */
    public synchronized Resolution answer(NextHop nh) { return watched.get(nh); }

    /** Longest-match resolution in the loaded tables, whether watched or not. */
    public synchronized Resolution resolve(NextHop nh) {
        KernelRoute best = longestMatch(nh);
        if (best == null || best.type().isReject()) return Resolution.UNREACHABLE;
        return new Resolution(true, best.type() == RouteType.LOCAL ? 0 : Integer.toUnsignedLong(best.metric()));
    }

    /** The usable route of the longest prefix holding {@code nh}: local table first, then the lowest metric. */
    private KernelRoute longestMatch(NextHop nh) {
        Prefix host = nh.asPrefix();
        for (int len = host.length(); len >= 0; len--) {
            Map<RouteKey, KernelRoute> at = byPrefix.get(new Prefix(host.family(), host.hi(), host.lo(), len));
            if (at == null) continue;
            KernelRoute best = null;
            for (KernelRoute r : at.values()) {
                if (!usable(r)) continue;
                if (best == null || r.table() == KernelRoute.TABLE_LOCAL && best.table() != KernelRoute.TABLE_LOCAL
                        || r.table() == best.table() && Integer.compareUnsigned(r.metric(), best.metric()) < 0) best = r;
            }
            if (best != null) return best;
        }
        return null;
    }

    @Override
    public synchronized void routeAdded(KernelRoute r) {
        removeKey(r.key());
        put(r);
        if (loaded) refresh(r.prefix());
    }

    @Override
    public synchronized void routeRemoved(KernelRoute r) {
        removeKey(r.key());
        if (loaded) refresh(r.prefix());
    }

    @Override
    public void resynced(Reconciliation r) { load(r.snapshot().routes()); }

    @Override
    public void linkChanged(KernelLink link, boolean removed) {
        // a link going down is followed by a resync (RouteMonitor), which re-resolves everything
    }

    private boolean usable(KernelRoute r) {
        if (r.protocol() == ownProtocol) return false;
        RouteType t = r.type();
        return t == RouteType.UNICAST || t == RouteType.LOCAL || t.isReject();
    }

    private void put(KernelRoute r) {
        if (r.table() != KernelRoute.TABLE_MAIN && r.table() != KernelRoute.TABLE_LOCAL) return;
        byPrefix.computeIfAbsent(r.prefix(), p -> new HashMap<>()).put(r.key(), r);
    }

    private void removeKey(RouteKey k) {
        Map<RouteKey, KernelRoute> at = byPrefix.get(k.prefix());
        if (at == null) return;
        at.remove(k);
        if (at.isEmpty()) byPrefix.remove(k.prefix());
    }

    /** Re-resolves the watched next hops inside {@code changed} (all when null); reports the differences. */
    private void refresh(Prefix changed) {
        List<NextHop> moved = new ArrayList<>();
        boolean gatewayChanged = false;
        for (var e : watched.entrySet()) {
            NextHop nh = e.getKey();
            if (changed != null && !covers(changed, nh)) continue;
            Resolution now = resolve(nh);
            if (!now.equals(e.getValue())) {
                e.setValue(now);
                moved.add(nh);
            }
            NextHop via = gateway(nh);
            NextHop before = gateways.put(nh, via);
            gatewayChanged |= before != null ? !before.equals(via) : !via.equals(nh);
        }
        for (NextHop nh : moved) {
            Resolution r = watched.get(nh);
            answers.resolved(nh, r.reachable(), r.metric());
        }
        if (gatewayChanged) gatewayMoved.run();
    }

    private static boolean covers(Prefix p, NextHop nh) {
        Prefix host = nh.asPrefix();
        return p.family() == host.family() && p.equals(new Prefix(host.family(), host.hi(), host.lo(), p.length()));
    }
}
