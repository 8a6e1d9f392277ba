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

    private final int ownProtocol;
    private final Answers answers;
    private final Map<Prefix, Map<RouteKey, KernelRoute>> byPrefix = new HashMap<>();
    private final Map<NextHop, Resolution> watched = new LinkedHashMap<>();
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

    /** The current answer for {@code nh}, null before {@link #load} or when not watched. */
    public synchronized Resolution answer(NextHop nh) { return watched.get(nh); }

    /** Longest-match resolution in the loaded tables, whether watched or not. */
    public synchronized Resolution resolve(NextHop nh) {
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
            if (best == null) continue;
            if (best.type().isReject()) return Resolution.UNREACHABLE;
            return new Resolution(true, best.type() == RouteType.LOCAL ? 0 : Integer.toUnsignedLong(best.metric()));
        }
        return Resolution.UNREACHABLE;
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
        for (var e : watched.entrySet()) {
            NextHop nh = e.getKey();
            if (changed != null && !covers(changed, nh)) continue;
            Resolution now = resolve(nh);
            if (!now.equals(e.getValue())) {
                e.setValue(now);
                moved.add(nh);
            }
        }
        for (NextHop nh : moved) {
            Resolution r = watched.get(nh);
            answers.resolved(nh, r.reachable(), r.metric());
        }
    }

    private static boolean covers(Prefix p, NextHop nh) {
        Prefix host = nh.asPrefix();
        return p.family() == host.family() && p.equals(new Prefix(host.family(), host.hi(), host.lo(), p.length()));
    }
}
