package org.bgpd.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.control.ConfigureResult;
import org.bgpd.control.ControlServer;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.session.PeerSession;
import org.bgpd.session.SessionTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and runs everything, with plain constructors in dependency order: the RIB thread, the
 * session event loop, and the {@link Reconfiguration} that runs the listener, the peers and the
 * static routes of the running configuration and replaces it on reload. Public
 * methods are called from the main thread and the control socket; they only hand work to the
 * owning threads.
 */
public final class Daemon implements AutoCloseable, Reconfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** RIB peer index of the pseudo-peer that originates configured static routes. */
    static final int STATIC_PEER = 0;
    /** RIB peer index of the pseudo-peer that originates routes learned from the kernel. */
    static final int KERNEL_PEER = 1;

    private final Path configPath;
    private final KernelSync kernel;
    private final RibLoop rib;
    private final Thread ribThread;
    private final SessionTransport transport;
    private final Reconfiguration peers;
    private final Instant started = Instant.now();
    private volatile Instant lastReconfiguration = started;
    private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
    private ControlServer control;
    private volatile EmbeddedConfd confd;
    private volatile RestartRecovery recovery = RestartRecovery.NONE;
    /** How the control socket asked us to stop: null (not asked: a signal), TRUE graceful, FALSE plain. */
    private volatile Boolean gracefulStopRequested;

    public Daemon(DaemonConfig config, Path configPath) {
        this.configPath = configPath;
        int routerId = Addresses.routerId(config.routerId());
        this.kernel = KernelSync.create(config); // a null sink when off lets the RIB skip the multipath work
        this.rib = new RibLoop(routerId, Addresses.routerId(config.clusterId()),
                kernel.decisionOptions(DecisionOptions.defaults()), kernel.sink(), 4096, 4096, System::currentTimeMillis);
        this.ribThread = Thread.ofPlatform().name("rib").daemon(true).unstarted(rib);
        this.transport = new SessionTransport(1);
        this.peers = new Reconfiguration(config, rib, transport.group(), Reconfiguration.MAKE_BEFORE_BREAK_TIMEOUT);
    }

    public void start() {
        recovery = RestartRecovery.detect(peers.config(), configPath, Instant.now());
        peers.recovery(recovery);
        ribThread.start();
        if (recovery.restarting()) SelectionDeferral.begin(rib);
        peers.start();
        if (recovery.restarting()) SelectionDeferral.endWhenConverged(rib, peers.awaitedPeers(), recovery.waitSeconds());
        DaemonConfig config = peers.config();
        kernel.start(rib, KERNEL_PEER, (int) config.localAs(), Addresses.routerId(config.routerId()), peers.awaitedPeers(), peers.policies().kernelExport(),
                recovery.convergenceTimeoutMillis(KernelSync.CONVERGENCE_TIMEOUT_MILLIS));
        control = ControlSockets.server(config.controlSockets(), new DaemonControlBackend(this));
        try {
            control.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        confd = EmbeddedConfd.start(this);
        LOG.info("bgpd started: router id {}, AS {}, listening on {}, {} peers, {} static routes",
                config.routerId(), config.localAs(), boundAddress(), config.peers().size(), config.staticRoutes().size());
    }

    /**
     * Re-reads {@code file} and applies what changed (see {@link ReloadPlan}); a file that fails
     * validation is refused with its errors and the running configuration stays.
     */
    public ReloadResult reload(Path file) { return peers.reload(file, false); }

    public ReloadResult reload(DaemonConfig next) { return peers.reload(next, configPath.toString(), false); }

    public ReloadResult checkReload(DaemonConfig next) { return peers.reload(next, configPath.toString(), true); }

    /** {@code configure check}: validates {@code file} and reports what a reload would do, changing nothing. */
    public ReloadResult checkReload(Path file) { return peers.reload(file, true); }

    /** The running configuration: the last one applied. */
    public DaemonConfig config() { return peers.config(); }

    public Path configPath() { return configPath; }

    public Instant started() { return started; }

    public RibLoop rib() { return rib; }

    public KernelSync kernel() { return kernel; }

    /** The renderer of the {@code confd:} section, or null when there is none or it could not start. */
    public EmbeddedConfd confd() { return confd; }

    /** Configured peers in configuration order, then dynamic peers. */
    public List<PeerSession> sessions() {
        List<PeerSession> out = new ArrayList<>();
        for (RunningPeer p : peers.table().all()) out.add(p.session());
        return out;
    }

    /** A configured or dynamic peer's session, or null. */
    public PeerSession session(String name) {
        RunningPeer p = peers.table().byName(name);
        return p == null ? null : p.session();
    }

    /** The RIB peer index of a configured or dynamic peer, or -1. */
    public int peerIndex(String name) {
        RunningPeer p = peers.table().byName(name);
        return p == null ? -1 : p.index();
    }

    public InetSocketAddress boundAddress() { return peers.listener().localAddress(); }

    /** Configured peers in configuration order, then dynamic peers, each as a PeerConfig. */
    List<PeerConfig> runningPeers() {
        List<PeerConfig> out = new ArrayList<>();
        for (RunningPeer p : peers.table().all()) {
            out.add(new PeerConfig(p.name(), new IpAddress(p.address()), p.remoteAs(), p.settings()));
        }
        return out;
    }

    /** The RIB peer index of a configured or dynamic peer's routes, or -1. */
    int ribIndex(String peerName) { return peerIndex(peerName); }

    public Instant lastReconfiguration() { return lastReconfiguration; }

    /** {@code configure [check] ["file"]} on the control socket: {@link #reload} or {@link #checkReload}. */
    @Override
    public ConfigureResult configure(boolean checkOnly, Path file) {
        Path f = file != null ? file : configPath;
        ReloadResult r = checkOnly ? checkReload(f) : reload(f);
        // BIRD answers 0003 to an unchanged file too; confd's reload waits for exactly that.
        ConfigureResult.Outcome outcome = !r.ok() ? ConfigureResult.Outcome.FAILED
                : checkOnly ? ConfigureResult.Outcome.CONFIG_OK : ConfigureResult.Outcome.RECONFIGURED;
        if (r.outcome() == ReloadResult.Outcome.APPLIED) lastReconfiguration = Instant.now();
        List<String> plan = new ArrayList<>();
        if (checkOnly) for (ReloadStep step : r.steps()) plan.add(step.describe());
        return new ConfigureResult(outcome, f.toString(), r.ok() ? null : r.summary(), plan);
    }

    /** {@code down} on the control socket: whoever runs the daemon closes it when this completes. */
    public void requestShutdown() {
        gracefulStopRequested = Boolean.FALSE;
        shutdownRequested.complete(null);
    }

    public CompletableFuture<Void> shutdownRequested() { return shutdownRequested; }

    /** {@code graceful restart} on the control socket: a shutdown that {@link #gracefulStop} says is graceful. */
    public void requestGracefulShutdown() {
        gracefulStopRequested = Boolean.TRUE;
        shutdownRequested.complete(null);
    }

    /**
     * Whether stopping now should be graceful: as the control socket asked ({@code down} plain,
     * {@code graceful restart} graceful), else {@code onSignal} (kernel.graceful-restart for SIGTERM).
     */
    public boolean gracefulStop(boolean onSignal) {
        Boolean asked = gracefulStopRequested;
        return asked != null ? asked : onSignal;
    }

    /** This run's graceful-restart recovery (restarting speaker); {@link RestartRecovery#NONE} after a plain start. */
    RestartRecovery recovery() { return recovery; }

    /** A clean stop: our kernel routes are removed. */
    @Override
    public void close() { close(false); }

    /** {@code graceful}: an RFC 4724 restart, kernel routes stay for the next run to adopt. */
    public void close(boolean graceful) {
        if (confd != null) confd.close();
        kernel.close(graceful);
        if (control != null) control.close();
        if (graceful) {
            rib.stop(); // first, so nothing is withdrawn from the peers that keep our routes
            joinRib();
            GracefulStop.run(peers, RestartMarker.path(config(), configPath), config().gracefulRestart().restartTime(),
                    kernel.exportStats().installed());
        } else {
            peers.close();
        }
        transport.close();
        rib.stop();
        joinRib();
    }

    private void joinRib() {
        try {
            ribThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
