package org.bgpd.daemon;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.control.StatusInfo;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This run's side of RFC 4724 §4.1 as the restarting speaker. Decided once at start from the
 * {@link RestartMarker} a graceful stop left: when it is there and no older than the restart
 * time, our OPENs carry the Restart State bit, and the Forwarding State bit for the families our
 * kernel routes were kept for (the F bit tells helpers they may keep using the routes they had
 * from us, and asks nothing of routes we learn). Kernel routes adopted from the earlier run go
 * once every awaited peer has sent End-of-RIB or the restart time has run out
 * ({@link InitialConvergence}), so a dead peer delays only the removal of routes nobody
 * re-announced, never the installation of new ones. Immutable; safe to share.
 */
final class RestartRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RestartRecovery.class);

    /** A plain start: R and F clear. */
    static final RestartRecovery NONE = new RestartRecovery(null, 0);

    private final RestartMarker marker;
    private final int waitSeconds;

    private RestartRecovery(RestartMarker marker, int waitSeconds) {
        this.marker = marker;
        this.waitSeconds = waitSeconds;
    }

    /** Takes the marker (deleting it) and decides whether this start is a graceful restart. */
    static RestartRecovery detect(DaemonConfig cfg, Path configPath, Instant now) {
        Path file = RestartMarker.path(cfg, configPath);
        RestartMarker m = RestartMarker.take(file);
        return decide(m, cfg.gracefulRestart(), now);
    }

    static RestartRecovery decide(RestartMarker m, GracefulRestart ours, Instant now) {
        if (m == null) return NONE;
        if (ours == null || !ours.enabled()) {
            LOG.info("graceful restart: found the state of a graceful stop, but graceful-restart is off; starting afresh");
            return NONE;
        }
        if (!m.fresh(now)) {
            LOG.info("graceful restart: the graceful stop at {} is older than its restart time ({} s); starting afresh",
                    m.stoppedAt(), m.restartTime());
            return NONE;
        }
        int wait = Math.max(1, Math.min(ours.restartTime(), 4095));
        LOG.info("graceful restart: restarting after a graceful stop at {}; {} kernel routes kept; waiting up to {} s for End-of-RIB",
                m.stoppedAt(), m.kernelRoutes(), wait);
        return new RestartRecovery(m, wait);
    }

    boolean restarting() { return marker != null; }

    /** How long adopted kernel routes may wait for End-of-RIB: the restart time, or {@code plain} on a plain start. */
    long convergenceTimeoutMillis(long plain) { return restarting() ? waitSeconds * 1000L : plain; }

    int waitSeconds() { return waitSeconds; }

    /** Families whose forwarding state we kept: routes were left in the kernel for them. */
    Set<Family> preserved() {
        if (marker == null || marker.kernelRoutes() == 0) return EnumSet.noneOf(Family.class);
        return marker.families();
    }

    /**
     * The GR capability for a peer offered {@code families}: every family listed (we can restart
     * gracefully for all of them), with F set where {@link #preserved} and R set while restarting.
     */
    Capability.GracefulRestart capability(GracefulRestart gr, Set<Family> families) {
        if (gr == null || !gr.enabled()) return null;
        Set<Family> kept = preserved();
        List<Capability.GrFamily> list = new ArrayList<>();
        for (Family f : Family.values()) {
            if (families.contains(f)) list.add(new Capability.GrFamily(f.afi(), f.safi(), kept.contains(f)));
        }
        return new Capability.GracefulRestart(restarting(), false, Math.min(gr.restartTime(), 4095), list);
    }

    /** {@code show status}'s recovery block, or null once recovery is over (or never began). */
    StatusInfo.GrRecovery status(InitialConvergence convergence) {
        if (!restarting() || convergence == null || convergence.done()) return null;
        return new StatusInfo.GrRecovery(convergence.waiting(), convergence.remainingMillis(), waitSeconds);
    }
}
