package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.KernelConfig;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteType;
import org.bgpd.fib.learn.LearnFilter;
import org.bgpd.fib.learn.LearnRule;
import org.bgpd.fib.learn.ProtocolNames;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.sync.KernelListeners;
import org.bgpd.fib.sync.KernelSnapshot;
import org.bgpd.fib.sync.NetlinkAvailability;
import org.bgpd.fib.sync.NetlinkFib;
import org.bgpd.fib.sync.NextHopResolver;
import org.bgpd.fib.sync.RouteMonitor;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionStep;
import org.bgpd.rib.loop.FibSink;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's kernel protocol (BIRD's {@code protocol kernel kernel1}): installs best routes
 * into the configured table with our protocol number on the FIB thread ({@link KernelExporterThread})
 * and learns kernel routes into the RIB from the KERNEL pseudo-peer ({@link KernelLearner} fed
 * by a {@link RouteMonitor}), and tells the RIB which BGP next hops the kernel can reach
 * ({@link NextHopResolver} on the same monitor). When the config has no enabled kernel section, or this process
 * cannot use rtnetlink (not Linux, no CAP_NET_ADMIN), one log line says so and the daemon runs
 * as a pure BGP speaker: {@link #sink()} is null and {@link #start} does nothing.
 * Created and started on the main thread; {@link #close} from the shutdown path; the status
 * methods are safe from any thread (the control socket's {@code show protocols} reads them
 * under {@link #PROTOCOL_NAME}).
 */
public final class KernelSync {
    private static final Logger LOG = LoggerFactory.getLogger(KernelSync.class);
    /** The name the control socket shows for this protocol, as BIRD configs in Calico call it. */
    public static final String PROTOCOL_NAME = "kernel1";
    /** How long stale routes of an earlier run may stay when not every peer sends End-of-RIB. */
    static final long CONVERGENCE_TIMEOUT_MILLIS = 120_000;

    private final KernelConfig config;
    private final String disabledReason;
    private final FibQueue queue;
    private final LearnFilter learnFilter;
    private final NextHopResolver resolver;
    private volatile RibLoop rib;
    private KernelExporterThread exporter;
    private RouteMonitor monitor;
    private KernelLearner learner;
    private int peerIndex = -1;
    private volatile InitialConvergence convergence;

    private KernelSync(KernelConfig config, String disabledReason, LearnFilter learnFilter) {
        this.config = config;
        this.disabledReason = disabledReason;
        this.queue = disabledReason == null ? new FibQueue() : null;
        this.learnFilter = learnFilter;
        // Watching starts with the first UPDATE, possibly before start(); answers wait for the first dump.
        this.resolver = queue == null ? null : new NextHopResolver(config.protocol(), this::nextHopResolved);
        if (queue != null) queue.watcher(resolver::watch);
    }

    private void nextHopResolved(NextHop nh, boolean reachable, long metric) {
        RibLoop r = rib;
        if (r != null) r.offer(new RibCommand.NextHopState(nh, reachable, metric));
    }

    /** From the config and what this process may do; logs the one line when the kernel is off. */
    public static KernelSync create(DaemonConfig cfg) {
        KernelConfig k = cfg.kernel() == null ? KernelConfig.DISABLED : cfg.kernel();
        if (!k.enabled()) return off(k, "kernel: not configured (kernel section absent or enabled: false); routes are neither installed nor learned");
        NetlinkAvailability a = NetlinkAvailability.probe();
        if (!a.available()) return off(k, "kernel: " + a.reason());
        return new KernelSync(k, null, learnFilter(k));
    }

    private static KernelSync off(KernelConfig k, String reason) {
        LOG.info(reason);
        return new KernelSync(k, reason, null);
    }

    /**
     * The config's learn section as fib-sync rules. README's configuration reference: "routes without an interface
     * (blackholes) pass" the interface patterns, so with patterns there is a second rule, the
     * same criteria without them, for the reject types (blackhole, unreachable) only.
     */
    static LearnFilter learnFilter(KernelConfig k) {
        if (k.learn().isEmpty()) return LearnFilter.none(k.protocol());
        org.bgpd.config.model.LearnFilter f = k.learn().get();
        List<LearnRule> rules = new ArrayList<>();
        rules.add(rule(f, true, f.types()));
        if (!f.interfaces().isEmpty()) {
            List<RouteType> rejects = new ArrayList<>();
            for (RouteType t : f.types().isEmpty() ? List.of(RouteType.values()) : f.types())
                if (t != RouteType.UNICAST) rejects.add(t);
            if (!rejects.isEmpty()) rules.add(rule(f, false, rejects));
        }
        return new LearnFilter(rules, k.protocol());
    }

    private static LearnRule rule(org.bgpd.config.model.LearnFilter f, boolean interfaces, List<RouteType> types) {
        LearnFilter.RuleBuilder b = new LearnFilter.RuleBuilder(ProtocolNames.system());
        if (interfaces) for (String glob : f.interfaces()) b.iface(glob);
        for (int p : f.protocols()) b.protocol(Integer.toString(p));
        for (RouteType t : types) b.type(t.name().toLowerCase(java.util.Locale.ROOT));
        for (int t : f.tables()) b.table(t);
        for (PrefixMatch p : f.prefixes()) b.prefix(Addresses.prefix(p.prefix()), p.ge(), p.le());
        return b.build();
    }

    /** Whether routes are installed (and, with a learn section, learned). */
    public boolean active() { return disabledReason == null; }

    /** Why the kernel protocol is off; null when active. */
    public String disabledReason() { return disabledReason; }

    /** The RIB's sink for best-route changes; null when nothing is installed. */
    public FibSink sink() { return queue; }

    /** ECMP sets (BIRD {@code merge paths}) when installing, so equal routes become RTA_MULTIPATH. */
    public DecisionOptions decisionOptions(DecisionOptions base) {
        return active() ? base.withMultipath(true, DecisionStep.IGP_COST) : base;
    }

    /**
     * Starts the FIB thread and, with a learn section, the KERNEL pseudo-peer at RIB index
     * {@code kernelPeer} and the route monitor. Initial convergence waits for End-of-RIB from
     * {@code awaitedPeers} (RIB indexes of enabled BGP peers). {@code exportChain} is the compiled
     * {@code kernel.export}, which the RIB evaluates before handing routes over.
     */
    public void start(RibLoop rib, int kernelPeer, int localAs, int routerId, int[] awaitedPeers, PolicyChain exportChain) {
        start(rib, kernelPeer, localAs, routerId, awaitedPeers, exportChain, CONVERGENCE_TIMEOUT_MILLIS);
    }

    /** As above; adopted routes nobody re-announced wait at most {@code convergenceTimeoutMillis} (the restart time after a graceful stop). */
    public void start(RibLoop rib, int kernelPeer, int localAs, int routerId, int[] awaitedPeers, PolicyChain exportChain,
                      long convergenceTimeoutMillis) {
        if (!active()) return;
        this.rib = rib;
        rib.offer(new RibCommand.KernelExportChain(exportChain));
        InitialConvergence convergence = new InitialConvergence(rib, awaitedPeers, convergenceTimeoutMillis, System::currentTimeMillis);
        this.convergence = convergence;
        exporter = new KernelExporterThread(() -> NetlinkFib.open(config.table(), config.protocol()), queue, convergence, resolver::gateway);
        resolver.onGatewayMoved(exporter::requestRegateway);
        boolean opened = await(exporter);
        this.peerIndex = kernelPeer;
        rib.offer(new RibCommand.AddPeer(PeerInfo.local(kernelPeer, PeerKind.KERNEL, localAs, routerId)));
        learner = new KernelLearner(learnFilter, KernelLearner.ribTarget(rib, kernelPeer, exporter));
        try {
            monitor = RouteMonitor.open(KernelListeners.of(learner, resolver));
            KernelSnapshot s = monitor.start();
            resolver.load(s.routes());
            for (KernelLink l : s.links().values()) exporter.linkChanged(l, false);
            for (var r : s.routes()) learner.routeAdded(r);
            LOG.info("kernel: table {}, protocol {}; {}; learning {} prefixes from the kernel", config.table(), config.protocol(),
                    opened ? "installing best routes" : "NOT installing routes", learner.learnedPrefixes());
        } catch (NetlinkException e) {
            LOG.warn("kernel: cannot monitor kernel routes ({}); kernel routes are not learned", e.getMessage());
            if (monitor != null) monitor.close();
            monitor = null;
        }
    }

    private static boolean await(KernelExporterThread t) {
        try {
            return t.start().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Initial convergence of this run; null when the kernel protocol is off. */
    InitialConvergence convergence() { return convergence; }

    /** The KERNEL pseudo-peer's RIB index; -1 when not running. */
    public int peerIndex() { return peerIndex; }

    public KernelExportStats exportStats() { return exporter == null ? KernelExportStats.NONE : exporter.stats(); }

    public int learnedPrefixes() { return learner == null ? 0 : learner.learnedPrefixes(); }

    /**
     * Stops learning and installing. A clean stop removes every route of ours from the kernel;
     * {@code graceful} (RFC 4724 restart) leaves them to forward traffic until the next run
     * adopts them. Call before the sessions and the RIB stop, so their flush is not applied.
     */
    public void close(boolean graceful) {
        if (monitor != null) monitor.close();
        if (exporter != null) exporter.stop(graceful);
    }
}
