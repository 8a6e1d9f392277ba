package org.bgpd.rib.loop;

import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.table.LocRib;

/**
 * Feeds a newly formed group the current Loc-RIB of its family, a budget at a time, then lets
 * it send End-of-RIB. Changes that happen meanwhile reach the group through the normal export
 * path, and the walk re-exports the then-current best, so nothing is sent stale.
 * Owned by the RIB thread; not thread-safe.
 */
final class FeedWalk implements RibWalk {
    private final UpdateGroup group;
    private final LocRib locRib;
    private final long[] prefixes;
    private int next;

    FeedWalk(UpdateGroup group, LocRib locRib) {
        this.group = group;
        this.locRib = locRib;
        this.prefixes = locRib.prefixes();
    }

    @Override
    public boolean step(int budget) {
        if (group.isClosed()) return true;
        while (budget-- > 0 && next < prefixes.length) {
            long p = prefixes[next++];
            group.export(p, locRib);
        }
        return next >= prefixes.length;
    }

    @Override
    public void finish() {
        if (!group.isClosed()) group.initialFeedDone();
    }
}
