package org.bgpd.rib.loop;

import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;

/**
 * Releases a downed channel's routes and takes them out of the Loc-RIB, a budget at a time.
 * Owned by the RIB thread; not thread-safe.
 */
final class FlushWalk implements RibWalk {
    private final int channel;
    private final AdjRibIn.Flush flush;
    private final LocRib locRib;

    FlushWalk(int channel, AdjRibIn.Flush flush, LocRib locRib) {
        this.channel = channel;
        this.flush = flush;
        this.locRib = locRib;
    }

    @Override
    public boolean step(int budget) {
        return flush.step(budget, prefix -> locRib.remove(prefix, channel),
                (prefix, slot) -> locRib.remove(prefix, Candidates.source(channel, slot)));
    }
}
