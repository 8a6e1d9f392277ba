package org.bgpd.daemon;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.Listen;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.session.BgpListener;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.RouteRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running configuration and the peers it started, and how a new configuration replaces it:
 * applies a {@link ReloadPlan} step by step (DESIGN.md "Configuration": touch only what
 * changed). Owns the {@link PeerTable}, the listener and the dynamic-peer lookup.
 * Thread-safe: start, reload and close synchronise on this object; the listener and dynamic
 * peers read the configuration through a volatile field.
 */
final class Reconfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(Reconfiguration.class);
    /** How long removed peers wait for the new ones (make-before-break); documented in the README. */
    static final Duration MAKE_BEFORE_BREAK_TIMEOUT = Duration.ofSeconds(60);

    private final RibLoop rib;
    private final EventLoopGroup group;
    private final PeerTable table = new PeerTable(Daemon.KERNEL_PEER + 1);
    private final PeerLauncher launcher;
    private final BgpListener listener;
    private final Duration makeBeforeBreakTimeout;
    private volatile DaemonConfig config;
    /** Compiled once per configuration, so peers naming the same chain share one update group. */
    private volatile PolicyCompiler policies;
    /** Peers whose stop waits for new peers; a later reload stops them at once. */
    private final List<Runnable> pendingStops = new ArrayList<>();

    Reconfiguration(DaemonConfig config, RibLoop rib, EventLoopGroup group, Duration makeBeforeBreakTimeout) {
        this.config = config;
        this.policies = new PolicyCompiler(config);
        this.rib = rib;
        this.group = group;
        this.makeBeforeBreakTimeout = makeBeforeBreakTimeout;
        this.launcher = new PeerLauncher(rib, group, table);
        this.listener = new BgpListener(group, new DynamicPeers(table, this::config, this::policies, rib, group, launcher));
    }

    DaemonConfig config() { return config; }

    /** Before {@link #start}: this run's graceful-restart flags for every peer's OPEN. */
    void recovery(RestartRecovery r) { launcher.recovery(r); }

    PolicyCompiler policies() { return policies; }

    PeerTable table() { return table; }

    /** RIB indexes of the enabled configured peers: initial convergence waits for their End-of-RIB. */
    synchronized int[] awaitedPeers() {
        List<Integer> out = new ArrayList<>();
        for (RunningPeer p : table.all()) if (!p.dynamic() && !p.settings().disabled()) out.add(p.index());
        int[] a = new int[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    BgpListener listener() { return listener; }

    /** The first configuration: every peer and static route, then the listener. */
    synchronized void start() {
        DaemonConfig cfg = config;
        describeLocal(cfg);
        for (PeerConfig pc : cfg.peers()) {
            // The loader rejects duplicate names; a duplicate address is the one thing left.
            if (launcher.launch(cfg, policies, pc) == null) LOG.warn("{}: not started: another peer has address {}", pc.name(), pc.address());
        }
        for (StaticRoute r : cfg.staticRoutes()) originate(r);
        listener.setMd5Keys(table.md5Keys());
        listener.setMinTtl(ListenerTtl.minTtl(cfg));
        listener.bind(address(cfg.listen()));
    }

    /** Loads {@code file}; one that fails validation is refused with its errors, changing nothing. */
    ReloadResult reload(Path file, boolean checkOnly) {
        LoadResult r = ConfigLoader.load(file);
        if (r instanceof LoadResult.Failed f) return ReloadResult.failed(file.toString(), f.errors());
        return reload(((LoadResult.Loaded) r).config(), file.toString(), checkOnly);
    }

    /** Validates the step list against the running daemon and applies it, or only reports it. */
    synchronized ReloadResult reload(DaemonConfig now, String file, boolean checkOnly) {
        DaemonConfig old = config;
        ReloadPlan plan = ReloadPlan.between(old, now);
        if (!plan.refusals().isEmpty()) {
            List<ConfigError> errors = new ArrayList<>();
            for (String r : plan.refusals()) errors.add(new ConfigError(file, 1, 1, r));
            return ReloadResult.failed(file, errors);
        }
        if (plan.diff().isEmpty()) {
            return new ReloadResult(ReloadResult.Outcome.UNCHANGED, file, List.of(), plan.diff(), List.of(), List.of());
        }
        if (checkOnly) {
            return new ReloadResult(ReloadResult.Outcome.CHECKED, file, List.of(), plan.diff(), plan.steps(), List.of());
        }
        List<String> done = new ArrayList<>();
        for (ReloadStep s : plan.steps()) {
            if (s instanceof ReloadStep.Rebind r) {
                try {
                    listener.bind(address(r.listen()));
                } catch (Exception e) { // Netty throws its checked NativeIoException undeclared
                    // The first step: nothing else has changed yet, so the running configuration stays whole.
                    return ReloadResult.failed(file, List.of(new ConfigError(file, 1, 1,
                            "cannot listen on " + address(r.listen()) + ": " + e.getMessage())));
                }
                done.add("listener rebound to " + listener.localAddress());
            }
        }
        config = now;
        policies = new PolicyCompiler(now);
        if (plan.diff().kernelRefeed()) rib.offer(new RibCommand.KernelExportChain(policies.kernelExport()));
        runPendingStops();
        new StepRunner(now, done).run(plan.steps());
        listener.setMd5Keys(table.md5Keys());
        listener.setMinTtl(ListenerTtl.minTtl(now));
        LOG.info("reconfigured from {}: {}", file, plan.steps());
        return new ReloadResult(ReloadResult.Outcome.APPLIED, file, List.of(), plan.diff(), plan.steps(), done);
    }

    synchronized void close() {
        runPendingStops();
        for (RunningPeer p : table.all()) launcher.retire(p, NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification());
        listener.close();
    }

    /**
     * Graceful stop ({@link GracefulStop}): peers that keep our routes lose only their TCP
     * connection, the others get a Cease; the RIB is not told (it has stopped). Returns the peers
     * that keep our routes and their families.
     */
    synchronized List<RestartMarker.PeerFamilies> closeGracefully() {
        runPendingStops();
        List<RestartMarker.PeerFamilies> kept = new ArrayList<>();
        for (RunningPeer p : table.all()) {
            java.util.Set<Family> families = GracefulStop.keptByPeer(p.session().snapshot().negotiated());
            p.session().stop(families.isEmpty() ? NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification() : null);
            if (!families.isEmpty()) kept.add(new RestartMarker.PeerFamilies(p.name(), families));
        }
        listener.close();
        return kept;
    }

    /** Each pending stop removes itself from the list as it runs. */
    private void runPendingStops() {
        for (Runnable r : new ArrayList<>(pendingStops)) r.run();
    }

    private void describeLocal(DaemonConfig cfg) {
        rib.offer(new RibCommand.AddPeer(PeerInfo.local(Daemon.STATIC_PEER, PeerKind.STATIC, (int) cfg.localAs(),
                Addresses.routerId(cfg.routerId()))));
    }

    private void originate(StaticRoute r) {
        rib.offer(new RibCommand.Originate(Daemon.STATIC_PEER, Addresses.prefix(r.prefix()), StaticRoutes.attrs(r)));
    }

    static InetSocketAddress address(Listen l) {
        return l.address().map(a -> new InetSocketAddress(a.address(), l.port())).orElseGet(() -> new InetSocketAddress(l.port()));
    }

    /** Applies one plan's steps; called with the lock held. */
    private final class StepRunner {
        private final DaemonConfig now;
        private final List<String> done;
        private final List<RunningPeer> started = new ArrayList<>();
        private final List<Runnable> deferred = new ArrayList<>();

        StepRunner(DaemonConfig now, List<String> done) {
            this.now = now;
            this.done = done;
        }

        void run(List<ReloadStep> steps) {
            for (ReloadStep s : steps) {
                switch (s) {
                    case ReloadStep.Rebind r -> { } // done first, before anything else changed
                    case ReloadStep.SetLogLevel l -> LogLevels.apply(l.level());
                    case ReloadStep.RedescribeLocal l -> describeLocal(now);
                    case ReloadStep.Unoriginate u -> rib.offer(new RibCommand.Unoriginate(Daemon.STATIC_PEER, Addresses.prefix(u.route().prefix())));
                    case ReloadStep.Originate o -> originate(o.route());
                    case ReloadStep.StopPeer st -> stop(st);
                    case ReloadStep.ResetPeer r -> reset(r.peer());
                    case ReloadStep.StartPeer st -> start(st.peer());
                    case ReloadStep.RefeedExport r -> {
                        redescribe(r.name());
                        for (RunningPeer p : targets(r.name())) refeed(p);
                    }
                    case ReloadStep.ReloadImport r -> {
                        redescribe(r.name());
                        for (RunningPeer p : targets(r.name())) reloadImport(p);
                    }
                }
            }
            if (!deferred.isEmpty()) deferStops();
        }

        private void stop(ReloadStep.StopPeer st) {
            for (RunningPeer p : targets(st.name())) {
                Runnable stop = () -> launcher.retire(p, st.cease().notification());
                if (st.afterNewPeers()) deferred.add(stop);
                else stop.run();
            }
        }

        private void reset(PeerConfig pc) {
            RunningPeer old = table.byName(pc.name());
            if (old != null) launcher.retire(old, NotifyCode.OTHER_CONFIGURATION_CHANGE.notification());
            start(pc);
        }

        private void start(PeerConfig pc) {
            // A dynamic session from the new peer's address gives way to the configured peer.
            RunningPeer holder = table.byAddress(pc.address().address());
            if (holder != null && holder.dynamic()) launcher.retire(holder, NotifyCode.OTHER_CONFIGURATION_CHANGE.notification());
            RunningPeer p = launcher.launch(now, policies, pc);
            if (p == null) done.add(pc.name() + ": not started: another peer has address " + pc.address());
            else started.add(p);
        }

        /** A configured peer's new chains reach the RIB before the refeed or refresh that uses them. */
        private void redescribe(String name) {
            RunningPeer p = table.byName(name);
            if (p == null || p.dynamic()) return;
            for (PeerConfig pc : now.peers()) {
                if (!pc.name().equals(name)) continue;
                launcher.describe(now, policies, pc, p.index());
                PrefixLimitReaction.register(rib, p.index(), pc, p.session());
            }
        }

        /** A changed export chain: the peer gets its Adj-RIB-Out again on the same session. */
        private void refeed(RunningPeer p) {
            Negotiated n = p.session().snapshot().negotiated();
            if (n == null) return; // not up: the next session is fed with the new chain anyway
            for (Family f : n.families()) rib.offer(RouteRefreshes.refeed(p.index(), f, false));
        }

        /** RFC 2918: the peer re-sends its routes and the new import chain sees them; else a reset. */
        private void reloadImport(RunningPeer p) {
            Negotiated n = p.session().snapshot().negotiated();
            if (n == null) return; // not up: the next session imports with the new chain anyway
            if (n.routeRefresh()) {
                for (Family f : n.families()) p.session().sendRouteRefresh(new RouteRefresh(f.afi(), RouteRefresh.REQUEST, f.safi()));
                done.add(p.name() + ": route refresh requested");
            } else if (p.dynamic()) {
                launcher.retire(p, NotifyCode.OTHER_CONFIGURATION_CHANGE.notification());
                done.add(p.name() + ": no route refresh, session stopped");
            } else {
                reset(now.peer(p.name()));
                done.add(p.name() + ": no route refresh, session reset");
            }
        }

        private List<RunningPeer> targets(String name) {
            RunningPeer p = table.byName(name);
            return p != null && !p.dynamic() ? List.of(p) : table.inGroup(name);
        }

        private void deferStops() {
            Runnable all = () -> {
                for (Runnable r : deferred) r.run();
            };
            Runnable once = new Runnable() {
                @Override
                public void run() {
                    synchronized (Reconfiguration.this) {
                        if (pendingStops.remove(this)) all.run();
                    }
                }
            };
            pendingStops.add(once);
            done.add("removed peers stop once the new ones have sent End-of-RIB (at most "
                    + makeBeforeBreakTimeout.toSeconds() + " s)");
            new MakeBeforeBreak(rib, table, group, started, makeBeforeBreakTimeout,
                    () -> isPending(once), once).begin();
        }
    }

    private synchronized boolean isPending(Runnable r) { return pendingStops.contains(r); }
}
