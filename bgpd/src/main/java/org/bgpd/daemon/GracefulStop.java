package org.bgpd.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping as an RFC 4724 restarting speaker: the RIB stops first so nothing is withdrawn, then
 * every session that negotiated graceful restart is closed without a NOTIFICATION (a Cease would
 * make the helper flush our routes, RFC 4724 §4 and RFC 8538 §4, as we do not set the N bit),
 * the others get the usual Cease, and a {@link RestartMarker} tells the next start what happened.
 * Our kernel routes were already left in place by {@code KernelSync.close(true)}. Runs on the
 * thread that closes the daemon.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private GracefulStop() {}

    /**
     * The families a helper keeps our routes for when the session drops: the peer sent the GR
     * capability, and the family is negotiated and listed in ours. Empty without a session.
     */
    static Set<Family> keptByPeer(Negotiated n) {
        Set<Family> kept = EnumSet.noneOf(Family.class);
        if (n == null || n.peerGracefulRestart() == null) return kept;
        Capability.GracefulRestart ours = n.localOpen().capability(Capability.GracefulRestart.class);
        if (ours == null) return kept;
        for (Capability.GrFamily gf : ours.families()) {
            Family f = Family.of(gf.afi(), gf.safi());
            if (f != null && n.families().contains(f)) kept.add(f);
        }
        return kept;
    }

    /** Closes the peers of {@code peers} (the RIB must already be stopped) and writes the marker. */
    static void run(Reconfiguration peers, Path marker, int restartTime, int kernelRoutes) {
        List<RestartMarker.PeerFamilies> told = peers.closeGracefully();
        RestartMarker m = new RestartMarker(Instant.now(), restartTime, kernelRoutes, told);
        try {
            m.write(marker);
            LOG.info("graceful stop: {} peers keep our routes for {} s, {} kernel routes left; state in {}",
                    told.size(), restartTime, kernelRoutes, marker);
        } catch (IOException e) {
            LOG.warn("graceful stop: cannot write {} ({}); the next start will not know it restarted", marker, e.getMessage());
        }
    }
}
