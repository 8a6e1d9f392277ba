package org.bgpd.daemon;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.loop.RibStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the RIB has converged after start: every awaited peer has opened at least one
 * channel and sent End-of-RIB on each (RFC 4724 §2), or {@code timeoutMillis} passed. Asks the
 * RIB for its statistics through the inbox, one question at a time. Polled by the FIB thread;
 * the reply arrives on the RIB thread, hence the volatile fields.
 */
final class InitialConvergence implements BooleanSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(InitialConvergence.class);

    private final RibLoop rib;
    private final int[] peers;
    private final long deadline;
    private final LongSupplier clock;
    private volatile boolean asking;
    private volatile RibStats latest;
    private volatile boolean done;

    InitialConvergence(RibLoop rib, int[] peers, long timeoutMillis, LongSupplier clock) {
        this.rib = rib;
        this.peers = peers.clone();
        this.clock = clock;
        this.deadline = clock.getAsLong() + timeoutMillis;
    }

    @Override
    public boolean getAsBoolean() {
        if (done) return true;
        RibStats s = latest;
        if (peers.length == 0 || (s != null && allEndOfRib(s, peers))) {
            done = true;
            LOG.info("kernel: initial convergence: End-of-RIB from all {} peers", peers.length);
        } else if (clock.getAsLong() >= deadline) {
            done = true;
            LOG.info("kernel: initial convergence: timed out waiting for End-of-RIB from every peer");
        } else if (!asking) {
            asking = true;
            rib.offer(new RibCommand.Stats(r -> {
                latest = r;
                asking = false;
            }));
        }
        return done;
    }

    /** Whether convergence was reached (End-of-RIB from all, or the timeout); safe from any thread. */
    boolean done() { return done; }

    long remainingMillis() { return Math.max(0, deadline - clock.getAsLong()); }

    /** Channels of awaited peers still without End-of-RIB; a peer not up yet counts as one. Any thread. */
    int waiting() {
        RibStats s = latest;
        if (s == null) return peers.length;
        int n = 0;
        for (int peer : peers) {
            boolean any = false;
            for (RibStats.ChannelStats c : s.channels()) {
                if (c.peer() != peer) continue;
                any = true;
                if (!c.endOfRibReceived()) n++;
            }
            if (!any) n++;
        }
        return n;
    }

    static boolean allEndOfRib(RibStats s, int[] peers) {
        for (int peer : peers) {
            boolean any = false;
            for (RibStats.ChannelStats c : s.channels()) {
                if (c.peer() != peer) continue;
                if (!c.endOfRibReceived()) return false;
                any = true;
            }
            if (!any) return false;
        }
        return true;
    }
}
