package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's graceful-restart helper timers (RFC 4724 §4.2): while the peer is away its routes
 * are stale for at most the Restart Time it advertised; once it is back, for at most our own
 * restart time (the stale timer) while we wait for its End-of-RIB, which the RIB handles itself.
 * With long-lived GR negotiated for a family (RFC 9494 §4.2) the end of the restart time (at
 * once when it is 0 or the family has no GR) does not flush: the routes become LLGR_STALE for
 * the peer's long-lived stale time, then go.
 * Owned by the peer session's event loop (every method and timer runs there); not thread-safe.
 */
final class StalePeriod {
    private static final Logger LOG = LoggerFactory.getLogger(StalePeriod.class);

    private final int peer;
    private final RibLoop rib;
    private Set<Family> stale = EnumSet.noneOf(Family.class);
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();

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
        Map<Family, Integer> longLived = LongLivedGr.staleTimes(n);
        Set<Family> restart = GracefulRestartRules.restartFamilies(n);
        int restartTime = n.peerGracefulRestart() == null ? 0 : n.peerGracefulRestart().restartTime();
        Set<Family> now = EnumSet.noneOf(Family.class);
        Set<Family> later = EnumSet.noneOf(Family.class);
        for (Family f : keep) (restart.contains(f) && restartTime > 0 ? later : now).add(f);
        endRestartTime(now, longLived, loop);
        if (!later.isEmpty()) schedule(restartTime, () -> endRestartTime(later, longLived, loop), loop);
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
        Capability.GracefulRestart theirs = n.peerGracefulRestart();
        int seconds = ours != null ? ours.restartTime() : theirs != null ? theirs.restartTime() : 0;
        Set<Family> families = EnumSet.copyOf(stale);
        // Flushing a channel that already saw End-of-RIB is a no-op in the RIB.
        schedule(seconds, () -> { for (Family f : families) flush(f); }, loop);
    }

    /** The restart time of {@code families} ran out: long-lived stale where negotiated, else flushed. */
    private void endRestartTime(Set<Family> families, Map<Family, Integer> longLived, ScheduledExecutorService loop) {
        for (Family f : families) {
            Integer seconds = longLived.get(f);
            if (seconds == null) {
                flush(f);
                continue;
            }
            LOG.info("peer {}: {} routes kept as long-lived stale (LLGR_STALE) for {} s", peer, f.shortName(), seconds);
            rib.offer(new RibCommand.LongLivedStale(peer, f));
            schedule(seconds, () -> flush(f), loop);
        }
    }

    private void flush(Family f) {
        stale.remove(f);
        rib.offer(new RibCommand.FlushStale(peer, f));
    }

    private void schedule(int seconds, Runnable task, ScheduledExecutorService loop) {
        timers.add(loop.schedule(task, seconds, TimeUnit.SECONDS));
    }

    private void cancel() {
        for (ScheduledFuture<?> t : timers) t.cancel(false);
        timers.clear();
    }
}
