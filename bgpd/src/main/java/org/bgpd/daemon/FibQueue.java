package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bgpd.rib.loop.FibSink;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * The hand-off between the RIB thread and the FIB thread. The RIB thread ({@link FibSink}
 * calls) collects one turn's changes in a list and publishes it at {@link #endOfBatch}; the FIB
 * thread takes every published batch at once ({@link #take}). The RIB never waits on netlink.
 * The queue is unbounded: while the FIB thread is slower than the RIB, batches pile up here and
 * the FIB thread coalesces them by prefix when it catches up.
 * Producer side owned by the RIB thread, consumer side by the FIB thread.
 */
final class FibQueue implements FibSink {
    private final LinkedBlockingQueue<List<FibChange>> batches = new LinkedBlockingQueue<>();
    private List<FibChange> current = new ArrayList<>();
    private volatile NextHopWatcher watcher;

    @Override
    public void route(long prefix, NextHop[] nextHops, PeerKind source) {
        current.add(new FibChange(Prefix.ofPacked(prefix), nextHops, source));
    }

    @Override
    public void route6(Prefix prefix, NextHop[] nextHops, PeerKind source) {
        current.add(new FibChange(prefix, nextHops, source));
    }

    @Override
    public void route(long prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        current.add(new FibChange(Prefix.ofPacked(prefix), nextHops, how, source));
    }

    @Override
    public void route6(Prefix prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        current.add(new FibChange(prefix, nextHops, how, source));
    }

    @Override
    public void watchNextHop(NextHop nextHop) {
        NextHopWatcher w = watcher;
        if (w != null) w.watch(nextHop);
    }

    /** Where {@link #watchNextHop} goes once the kernel's tables are known; null drops the questions. */
    void watcher(NextHopWatcher w) { watcher = w; }

    /** Resolves next hops for the RIB; called on the RIB thread. */
    interface NextHopWatcher {
        void watch(NextHop nextHop);
    }

    @Override
    public void endOfBatch() {
        if (current.isEmpty()) return;
        batches.add(current);
        current = new ArrayList<>();
    }

    /**
     * Every published change in order, waiting up to {@code timeoutMillis} for the first batch;
     * empty on timeout. FIB thread only.
     */
    List<FibChange> take(long timeoutMillis) throws InterruptedException {
        List<FibChange> first = batches.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) return List.of();
        List<List<FibChange>> more = new ArrayList<>();
        batches.drainTo(more);
        if (more.isEmpty()) return first;
        List<FibChange> all = new ArrayList<>(first);
        for (List<FibChange> b : more) all.addAll(b);
        return all;
    }
}
