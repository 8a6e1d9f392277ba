package org.bgpd.daemon;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Notification;

/**
 * One peer's graceful-restart helper timers (RFC 4724 §4.2): while the peer is away its routes
 * are stale for at most the Restart Time it advertised; once it is back, for at most our own
 * restart time (the stale timer) while we wait for its End-of-RIB, which the RIB handles itself.
 * Owned by the peer session's event loop (every method and timer runs there); not thread-safe.
 */
final class StalePeriod {
    private final int peer;
    private final RibLoop rib;
    private Set<Family> stale = EnumSet.noneOf(Family.class);
    private ScheduledFuture<?> timer;

    StalePeriod(int peer, RibLoop rib) {
        this.peer = peer;
        this.rib = rib;
    }

    /**
     * The session went down. @return true when the RIB was told to keep routes stale
     * ({@link RibCommand.PeerStale}); false when the caller must send a plain PeerDown.
     */
    boolean down(Negotiated n, Notification sent, Notification received, ScheduledExecutorService loop) {
        cancel();
        Set<Family> keep = GracefulRestartRules.retained(n, sent, received);
        if (keep.isEmpty()) {
            stale = EnumSet.noneOf(Family.class);
            return false;
        }
        stale = keep;
        rib.offer(new RibCommand.PeerStale(peer, keep));
        arm(n.peerGracefulRestart().restartTime(), loop);
        return true;
    }

    /** The session is back; call before PeerUp so routes the peer could not keep go first. */
    void established(Negotiated n, ScheduledExecutorService loop) {
        cancel();
        if (stale.isEmpty()) return;
        Set<Family> flush = GracefulRestartRules.flushOnReturn(stale, n);
        for (Family f : flush) rib.offer(new RibCommand.FlushStale(peer, f));
        stale.removeAll(flush);
        if (stale.isEmpty()) return;
        Capability.GracefulRestart ours = n.localOpen().capability(Capability.GracefulRestart.class);
        arm(ours != null ? ours.restartTime() : n.peerGracefulRestart().restartTime(), loop);
    }

    private void arm(int seconds, ScheduledExecutorService loop) {
        Set<Family> families = EnumSet.copyOf(stale);
        timer = loop.schedule(() -> {
            timer = null;
            stale = EnumSet.noneOf(Family.class);
            // Flushing a channel that already saw End-of-RIB is a no-op in the RIB.
            for (Family f : families) rib.offer(new RibCommand.FlushStale(peer, f));
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancel() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }
}
