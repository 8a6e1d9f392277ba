package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code show route} walks in progress, run round-robin so one client's walk never waits
 * behind another's: each turn the budget is shared among the walks that have credit, and a walk
 * waiting for its consumer takes none. A walk whose consumer left ({@link RibCommand.CancelWalk})
 * is dropped where it stands.
 * <p>Owned by the RIB thread; {@link #count} alone is safe from any thread.
 */
final class RouteWalks {
    private final List<RouteWalk> walks = new ArrayList<>();
    private volatile int count;
    private long cancelled;
    private int start;

    void add(RouteWalk w) {
        walks.add(w);
        count = walks.size();
    }

    void grant(RibCommand.QueryAll query, int pages) {
        RouteWalk w = find(query);
        if (w != null) w.grant(pages);
    }

    void cancel(RibCommand.QueryAll query) {
        RouteWalk w = find(query);
        if (w == null) return; // already finished
        walks.remove(w);
        count = walks.size();
        cancelled++;
    }

    /** Runs the walks that have credit within {@code budget} prefixes; @return work done (0 when all wait) */
    int run(int budget) {
        int n = walks.size();
        int runnable = 0;
        for (int i = 0; i < n; i++) if (walks.get(i).runnable()) runnable++;
        if (runnable == 0) return 0;
        int share = Math.max(1, budget / runnable);
        int work = 0;
        for (int i = 0; i < n; i++) {
            RouteWalk w = walks.get((start + i) % n);
            if (w.runnable()) work += w.step(share);
        }
        walks.removeIf(RouteWalk::done);
        count = walks.size();
        start = walks.isEmpty() ? 0 : (start + 1) % walks.size();
        return work;
    }

    /** True while some walk can make progress without its consumer. */
    boolean runnable() {
        for (int i = 0; i < walks.size(); i++) if (walks.get(i).runnable()) return true;
        return false;
    }

    /** Walks in progress, waiting ones included. Safe from any thread. */
    int count() { return count; }

    /** Walks dropped because their consumer left, since start. */
    long cancelled() { return cancelled; }

    private RouteWalk find(RibCommand.QueryAll query) {
        for (int i = 0; i < walks.size(); i++) if (walks.get(i).query() == query) return walks.get(i);
        return null;
    }
}
