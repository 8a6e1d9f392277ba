package org.bgpd.daemon;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.bgpd.session.SessionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the stops of one reload until the peers it started are Established and the RIB has
 * their End-of-RIB for every negotiated family (RFC 4724 §2), so their routes are in the Loc-RIB
 * before the removed peers' routes leave it; or until the timeout passes. Disabled new peers and
 * new peers that were removed again are not waited for. Checks every {@link #POLL_MILLIS} on the
 * event loop group, asking the RIB through its inbox. Thread-safe: state is confined to the
 * scheduled checks, which run one after another.
 */
final class MakeBeforeBreak {
    private static final Logger LOG = LoggerFactory.getLogger(MakeBeforeBreak.class);
    static final long POLL_MILLIS = 200;

    private final RibLoop rib;
    private final PeerTable table;
    private final EventLoopGroup scheduler;
    private final List<RunningPeer> awaited;
    private final BooleanSupplier stillWanted;
    private final Runnable thenStop;
    private final long deadline;

    /**
     * @param stillWanted false once a later reload took over the stops (they ran already)
     * @param thenStop runs once, on the scheduler
     */
    MakeBeforeBreak(RibLoop rib, PeerTable table, EventLoopGroup scheduler, List<RunningPeer> awaited, Duration timeout,
                    BooleanSupplier stillWanted, Runnable thenStop) {
        this.rib = rib;
        this.table = table;
        this.scheduler = scheduler;
        this.awaited = List.copyOf(awaited);
        this.stillWanted = stillWanted;
        this.thenStop = thenStop;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    void begin() { scheduler.schedule(this::check, POLL_MILLIS, TimeUnit.MILLISECONDS); }

    private void check() {
        if (!stillWanted.getAsBoolean()) return;
        if (System.nanoTime() - deadline >= 0) {
            LOG.warn("make-before-break: new peers not all up with End-of-RIB in time; stopping the removed peers now");
            thenStop.run();
            return;
        }
        rib.offer(new RibCommand.Stats(stats -> scheduler.execute(() -> {
            if (ready(stats)) {
                LOG.info("make-before-break: new peers up with End-of-RIB; stopping the removed peers");
                thenStop.run();
            } else {
                begin();
            }
        })));
    }

    private boolean ready(RibStats stats) {
        for (RunningPeer p : awaited) {
            if (p.settings().disabled() || table.byName(p.name()) != p) continue;
            SessionSnapshot s = p.session().snapshot();
            Negotiated n = s.negotiated();
            if (n == null) return false;
            for (Family f : n.families()) {
                RibStats.ChannelStats c = stats.channel(p.index(), f);
                if (c == null || !c.endOfRibReceived()) return false;
            }
        }
        return true;
    }
}
