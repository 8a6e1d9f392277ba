package org.bgpd.daemon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bgpd.fib.learn.LearnFilter;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.sync.KernelListener;
import org.bgpd.fib.sync.Reconciliation;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.wire.AttrsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns kernel routes into BGP routes (BIRD's kernel protocol with {@code learn}): each route
 * the {@link LearnFilter} accepts is originated into the RIB from the KERNEL pseudo-peer with
 * ORIGIN INCOMPLETE (as BIRD gives non-BGP routes), an empty AS path and next hop self, which
 * each session rewrites to its own address, and with its {@link KernelFacts} (device, kernel
 * protocol, type) so import and export policies can match Felix's routes ({@code cali*}). A prefix stays originated while any learned kernel
 * route of it (any table, metric or tos) exists; the last one going withdraws it. A resync after
 * ENOBUFS or a link change applies only the differences. Link and address changes also ask the
 * exporter to retry. Called on the monitor thread, and once with the initial dump on the
 * starting thread; synchronized because the two may overlap.
 */
final class KernelLearner implements KernelListener {
    private static final Logger LOG = LoggerFactory.getLogger(KernelLearner.class);
    static final Attrs LEARNED = new AttrsBuilder().origin(Attrs.ORIGIN_INCOMPLETE).asPath().nextHop(NextHop.SELF).build();

    /** Where learned routes and retry requests go; RIB inbox and FIB thread in the daemon, lists in tests. */
    interface Target {
        void originate(Prefix prefix, KernelFacts facts);

        void unoriginate(Prefix prefix);

        void linkChanged(KernelLink link, boolean removed);

        void retryExport();
    }

    private final LearnFilter filter;
    private final Target target;
    private final Map<Prefix, Set<RouteKey>> learned = new HashMap<>();

    KernelLearner(LearnFilter filter, Target target) {
        this.filter = filter;
        this.target = target;
    }

    /** A target that originates from pseudo-peer {@code peer} through the RIB inbox. */
    static Target ribTarget(org.bgpd.rib.loop.RibLoop rib, int peer, KernelExporterThread exporter) {
        return new Target() {
            @Override
            public void originate(Prefix p, KernelFacts facts) { rib.offer(new RibCommand.Originate(peer, p, LEARNED, facts)); }

            @Override
            public void unoriginate(Prefix p) { rib.offer(new RibCommand.Unoriginate(peer, p)); }

            @Override
            public void linkChanged(KernelLink link, boolean removed) { exporter.linkChanged(link, removed); }

            @Override
            public void retryExport() { exporter.requestRetry(); }
        };
    }

    @Override
    public synchronized void routeAdded(KernelRoute r) {
        if (filter.learns(r)) learn(r);
        else forget(r); // changed so that it no longer qualifies
    }

    @Override
    public synchronized void routeRemoved(KernelRoute r) { forget(r); }

    @Override
    public synchronized void resynced(Reconciliation r) {
        for (KernelRoute gone : r.removed()) forget(gone);
        for (KernelRoute now : r.added()) routeAdded(now);
        if (!r.isEmpty()) LOG.info("kernel: resync after {}: {} routes added or changed, {} removed", r.reason(), r.added().size(), r.removed().size());
        target.retryExport();
    }

    @Override
    public void linkChanged(KernelLink link, boolean removed) {
        target.linkChanged(link, removed);
        target.retryExport();
    }

    @Override
    public void monitorFailed(Exception e, boolean fatal) {
        if (fatal) LOG.error("kernel: route monitor stopped; kernel routes are no longer learned", e);
        else LOG.warn("kernel: route monitor: {}; resyncing", e.getMessage());
    }

    /** How many prefixes are originated from the kernel now. */
    synchronized int learnedPrefixes() { return learned.size(); }

    private void learn(KernelRoute r) {
        Set<RouteKey> keys = learned.computeIfAbsent(r.prefix(), p -> new HashSet<>());
        boolean first = keys.isEmpty();
        keys.add(r.key());
        // a changed route may have moved to another device: its facts are what policies match
        if (first || keys.size() == 1) target.originate(r.prefix(), facts(r));
    }

    /** What policies may match on a learned route: device (none for reject types), protocol, type. */
    static KernelFacts facts(KernelRoute r) {
        String device = r.nextHops().isEmpty() ? null : r.nextHops().getFirst().ifname();
        KernelFacts.Type type = switch (r.type()) {
            case BLACKHOLE -> KernelFacts.Type.BLACKHOLE;
            case UNREACHABLE, PROHIBIT -> KernelFacts.Type.UNREACHABLE;
            default -> KernelFacts.Type.UNICAST;
        };
        return new KernelFacts(device, r.protocol(), type);
    }

    private void forget(KernelRoute r) {
        Set<RouteKey> keys = learned.get(r.prefix());
        if (keys == null || !keys.remove(r.key())) return;
        if (keys.isEmpty()) {
            learned.remove(r.prefix());
            target.unoriginate(r.prefix());
        }
    }
}
