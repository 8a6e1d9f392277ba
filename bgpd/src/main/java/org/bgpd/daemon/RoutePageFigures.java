package org.bgpd.daemon;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code show route} walks cost the control side: pages the RIB handed out that a client's
 * thread has not taken yet (the memory a slow reader holds), their peak for any one walk, and
 * walks abandoned by their client. Thread-safe.
 */
final class RoutePageFigures {
    private final AtomicInteger open = new AtomicInteger();
    private final LongAccumulator peakQueued = new LongAccumulator(Math::max, 0);
    private final LongAdder cancelled = new LongAdder();

    void opened() { open.incrementAndGet(); }

    void closed(boolean early) {
        open.decrementAndGet();
        if (early) cancelled.increment();
    }

    void queued(int pagesNow) { peakQueued.accumulate(pagesNow); }

    /** Walks whose pages a client thread is reading. */
    int open() { return open.get(); }

    /** The most pages ever queued for one walk. */
    long peakQueued() { return peakQueued.get(); }

    /** Walks closed before their last page (the client left or failed). */
    long cancelled() { return cancelled.sum(); }
}
