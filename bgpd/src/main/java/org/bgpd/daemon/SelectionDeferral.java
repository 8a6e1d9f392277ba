package org.bgpd.daemon;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarting speaker, RFC 4724 §4.1: after a graceful restart, defer sending UPDATEs and
 * End-of-RIB to peers until every enabled configured peer has sent End-of-RIB on each of its
 * channels, or {@code seconds} passed (the selection-deferral timer; we use the restart time,
 * the same bound that removes adopted kernel routes, rather than FRR's fixed 360 s, so peers'
 * stale timers for our routes are not outlasted by much). Peers thus get one complete table,
 * not a partial one followed by corrections. Owns one virtual thread while deferring; safe to
 * start from any thread.
 */
final class SelectionDeferral {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionDeferral.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private SelectionDeferral() {}

    /** Switches the RIB's export off; call before any session starts, so none is fed first. */
    static void begin(RibLoop rib) {
        rib.offer(new RibCommand.DeferExport(true));
    }

    /** Switches it on again once {@code awaitedPeers} (known once the peers started) converged, or after {@code seconds}. */
    static void endWhenConverged(RibLoop rib, int[] awaitedPeers, int seconds) {
        InitialConvergence converged = new InitialConvergence(rib, awaitedPeers, seconds * 1000L, System::currentTimeMillis);
        LOG.info("graceful restart: deferring our UPDATEs until End-of-RIB from {} peers, at most {} s", awaitedPeers.length, seconds);
        Thread.ofVirtual().name("selection-deferral").start(() -> {
            while (!converged.getAsBoolean()) LockSupport.parkNanos(POLL_NANOS);
            LOG.info("graceful restart: selection deferral over; sending our table and End-of-RIB");
            rib.offer(new RibCommand.DeferExport(false));
        });
    }
}
