package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.fib.sync.Fib;
import org.bgpd.fib.sync.FibResult;
import org.bgpd.fib.sync.RouteFailure;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kernel table in step with the Loc-RIB for one {@link Fib} (BIRD's kernel protocol,
 * export side). {@code desired} is what the RIB wants after its kernel export chain
 * ({@code org.bgpd.rib.policy.KernelExport}, run on the RIB thread, says device and onlink per
 * next hop), {@code installed}
 * what this process put (or adopted) in the kernel under our table and protocol. Each call to
 * {@link #apply} coalesces changes by prefix and sends them in batches through the FIB, which
 * never touches another protocol's route (EEXIST/ESRCH instead). A route the kernel refuses is
 * logged once per prefix and reason, counted, and retried by {@link #retry} (on link and
 * address changes, and periodically). Routes adopted from an earlier run that the RIB does not
 * want are removed only at {@link #converged}, so a restart does not blackhole traffic while
 * peers resend their tables. Interface names in policy ({@code kernel-device}) are resolved
 * through a name-to-index map another thread keeps current. A gateway not on a connected
 * network is installed through the gateway of the route covering it ({@code gateways}, BIRD's
 * {@code gateway recursive}), and {@link #regateway} re-installs when that route moves.
 * Owned by the FIB thread, apart
 * from {@link #stats}, which is safe from any thread.
 */
final class KernelExporter {
    private static final Logger LOG = LoggerFactory.getLogger(KernelExporter.class);
    /** The metric the kernel gives IPv6 routes that name none; ours carry it so keys match dumps. */
    static final int IPV6_METRIC = 1024;

    private final Fib fib;
    private final Map<Prefix, KernelRoute> desired = new HashMap<>();
    private final Map<RouteKey, KernelRoute> installed = new HashMap<>();
    private final Map<Prefix, RouteFailure> failed = new HashMap<>();
    private final Map<String, Integer> ifindex;
    private final UnaryOperator<NextHop> gateways;
    private boolean converged;
    private volatile int installedCount;
    private volatile int failedCount;
    private volatile long installs;
    private volatile long removals;
    private volatile long errors;

    /** {@code ifindex}: interface name to index, kept current by another thread (a concurrent map). */
    KernelExporter(Fib fib, Map<String, Integer> ifindex) { this(fib, ifindex, UnaryOperator.identity()); }

    /** {@code gateways}: the directly reachable gateway for a BGP next hop (NextHopResolver#gateway); safe from this thread. */
    KernelExporter(Fib fib, Map<String, Integer> ifindex, UnaryOperator<NextHop> gateways) {
        this.fib = fib;
        this.ifindex = ifindex;
        this.gateways = gateways;
    }

    /** Takes over the routes of our table and protocol the kernel already holds (left by an earlier run). */
    void adopt() {
        int n = 0;
        for (KernelRoute r : fib.routes()) {
            if (r.table() == fib.table() && r.protocol() == fib.protocol()) {
                installed.put(r.key(), r);
                n++;
            }
        }
        installedCount = installed.size();
        if (n > 0) LOG.info("kernel: adopted {} routes of protocol {} in table {}; unwanted ones go after initial convergence",
                n, fib.protocol(), fib.table());
    }

    /** Applies RIB changes, the last change of a prefix winning. */
    void apply(List<FibChange> changes) {
        Map<Prefix, FibChange> last = new LinkedHashMap<>(changes.size() * 2);
        for (FibChange c : changes) last.put(c.prefix(), c);
        List<KernelRoute> add = new ArrayList<>();
        List<KernelRoute> del = new ArrayList<>();
        for (FibChange c : last.values()) {
            KernelRoute want = route(c);
            if (want == null) {
                desired.remove(c.prefix());
                failed.remove(c.prefix());
                KernelRoute had = installed.get(key(c.prefix()));
                if (had != null) del.add(had);
                failedCount = failed.size();
            } else {
                desired.put(c.prefix(), want);
                KernelRoute had = installed.get(want.key());
                KernelRoute now = resolve(want);
                if (had == null || now == null || !had.sameRoute(now)) add.add(want);
            }
        }
        remove(del);
        install(add);
    }

    /** Initial convergence reached: removes adopted routes the RIB did not ask for. */
    void converged() {
        if (converged) return;
        converged = true;
        List<KernelRoute> stale = new ArrayList<>();
        for (KernelRoute r : installed.values()) {
            KernelRoute want = desired.get(r.prefix());
            if (want == null || !want.key().equals(r.key())) stale.add(r);
        }
        if (!stale.isEmpty()) LOG.info("kernel: initial convergence; removing {} stale routes of protocol {}", stale.size(), fib.protocol());
        remove(stale);
    }

    boolean isConverged() { return converged; }

    /**
     * Compares our routes with a kernel dump (the kernel drops IPv4 routes of a downed link
     * without telling), forgets those gone, and installs whatever is desired but missing,
     * failed ones included.
     */
    void retry() {
        List<KernelRoute> dump = fib.routes();
        Map<RouteKey, KernelRoute> inKernel = new HashMap<>();
        for (KernelRoute r : dump)
            if (r.table() == fib.table() && r.protocol() == fib.protocol()) inKernel.put(r.key(), r);
        // An empty dump is a failed one (the local table is never empty while lo is up): forget nothing.
        for (var it = installed.entrySet().iterator(); !dump.isEmpty() && it.hasNext(); ) {
            var e = it.next();
            if (!inKernel.containsKey(e.getKey())) {
                fib.forget(e.getValue());
                it.remove();
            }
        }
        List<KernelRoute> add = new ArrayList<>();
        for (KernelRoute want : desired.values()) {
            KernelRoute had = installed.get(want.key());
            if (had == null || failed.containsKey(want.prefix())) add.add(want);
        }
        installedCount = installed.size();
        install(add);
    }

    boolean hasFailures() { return !failed.isEmpty(); }

    /** The route covering a recursive next hop changed: re-installs the routes whose gateway moved, and tries refused ones again. */
    void regateway() {
        List<KernelRoute> add = new ArrayList<>();
        for (KernelRoute want : desired.values()) {
            KernelRoute had = installed.get(want.key());
            KernelRoute now = resolve(want);
            if (failed.containsKey(want.prefix()) || had != null && now != null && !had.sameRoute(now)) add.add(want);
        }
        if (!add.isEmpty()) LOG.info("kernel: {} routes re-installed through moved recursive gateways", add.size());
        install(add);
    }

    /** Removes every route of ours (a clean stop): the kernel must not keep routes nobody maintains. */
    void removeAll() {
        List<KernelRoute> all = new ArrayList<>(installed.values());
        remove(all);
        if (!installed.isEmpty()) LOG.warn("kernel: {} routes of protocol {} could not be removed", installed.size(), fib.protocol());
        else if (!all.isEmpty()) LOG.info("kernel: removed {} routes of protocol {}", all.size(), fib.protocol());
    }

    private KernelRoute route(FibChange c) {
        if (c.isRemoval() || c.source() == PeerKind.KERNEL) return null; // learned from the kernel: already there
        List<KernelNextHop> hops = new ArrayList<>(c.nextHops().length);
        Set<NextHop> seen = new HashSet<>();
        for (int i = 0; i < c.nextHops().length; i++) {
            NextHop h = c.nextHops()[i];
            if (h.isSelf()) return null; // originated here (static blackhole, local address): nothing to forward to
            KernelDirectives d = c.how()[i];
            NextHop gw = h.family() == Family.IPV6_UNICAST ? gateway6(h, d.device() != null) : h;
            if (gw != null && seen.add(gw)) hops.add(new KernelNextHop(gw, 0, d.device(), d.onlink(), 1));
        }
        if (hops.isEmpty()) return null;
        return KernelRoute.unicast(c.prefix(), metric(c.prefix()), hops).withOwner(fib.table(), fib.protocol());
    }

    /** RFC 2545 §3: the global address; the link-local one only when a device says where it lives. */
    private static NextHop gateway6(NextHop h, boolean haveDevice) {
        if (h.hi() != 0 || h.lo() != 0) return NextHop.v6(h.hi(), h.lo());
        return haveDevice && h.hasLinkLocal() ? NextHop.v6(h.llHi(), h.llLo()) : null;
    }

    private int metric(Prefix p) { return p.family() == Family.IPV6_UNICAST ? IPV6_METRIC : 0; }

    private RouteKey key(Prefix p) { return new RouteKey(fib.table(), p, 0, metric(p)); }

    /**
     * The route as the kernel gets it: interface names turned into indexes, and gateways not on a
     * connected network replaced by the gateway that reaches them (hops that name a device or are
     * onlink are taken as given); null when a device does not exist (yet).
     */
    private KernelRoute resolve(KernelRoute r) {
        List<KernelNextHop> hops = new ArrayList<>(r.nextHops().size());
        Set<NextHop> seen = new HashSet<>();
        boolean changed = false;
        for (KernelNextHop h : r.nextHops()) {
            Integer idx = h.ifname() == null ? Integer.valueOf(h.ifindex()) : ifindex.get(h.ifname());
            if (idx == null) return null;
            NextHop gw = h.gateway();
            if (gw != null && h.ifname() == null && !h.onlink()) gw = gateways.apply(gw);
            if (gw != null && !seen.add(gw)) {
                changed = true; // two BGP next hops behind one gateway: one kernel next hop
                continue;
            }
            changed |= h.ifname() != null || gw != h.gateway();
            hops.add(new KernelNextHop(gw, idx, h.ifname(), h.onlink(), h.weight()));
        }
        return changed ? r.withNextHops(hops) : r;
    }

    private void install(List<KernelRoute> routes) {
        if (routes.isEmpty()) return;
        List<KernelRoute> ready = new ArrayList<>(routes.size());
        for (KernelRoute r : routes) {
            KernelRoute resolved = resolve(r);
            if (resolved != null) ready.add(resolved);
            else fail(new RouteFailure(r, "install", Errno.ENODEV, "device " + r.nextHops().get(0).ifname() + " not found"));
        }
        FibResult result = fib.install(ready);
        Set<RouteKey> bad = new HashSet<>();
        for (RouteFailure f : result.failures()) {
            bad.add(f.route().key());
            fail(f);
        }
        for (KernelRoute r : ready) {
            if (bad.contains(r.key())) continue;
            installed.put(r.key(), r);
            if (failed.remove(r.prefix()) != null) LOG.info("kernel: installed {} after earlier failure", r);
        }
        installs += result.succeeded();
        installedCount = installed.size();
        failedCount = failed.size();
    }

    private void remove(List<KernelRoute> routes) {
        if (routes.isEmpty()) return;
        FibResult result = fib.remove(routes);
        Map<RouteKey, RouteFailure> bad = new HashMap<>();
        for (RouteFailure f : result.failures()) bad.put(f.route().key(), f);
        for (KernelRoute r : routes) {
            RouteFailure f = bad.get(r.key());
            if (f == null || f.errno() == Errno.ESRCH) {
                installed.remove(r.key()); // ESRCH: already gone, which is what we wanted
            } else {
                errors++;
                LOG.warn("kernel: {}", f);
            }
        }
        removals += result.succeeded();
        installedCount = installed.size();
        failedCount = failed.size();
    }

    private void fail(RouteFailure f) {
        errors++;
        RouteFailure before = failed.put(f.route().prefix(), f);
        if (before == null || before.errno() != f.errno()) LOG.warn("kernel: {} (retried when links change)", f);
        else LOG.debug("kernel: {}", f);
    }

    /** What {@code show protocols} and the logs report; safe from any thread. */
    KernelExportStats stats() { return new KernelExportStats(installedCount, failedCount, installs, removals, errors); }
}
