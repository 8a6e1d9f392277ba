package org.bgpd.rib.loop;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.bgpd.rib.adjout.AdjRibOut;
import org.bgpd.rib.adjout.AdjRibOutSnapshot;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.adjout.UpdateGroup;

/**
 * Sends a member that moved to another update group (its export policy, rr-client or next-hop
 * mode changed on a live session) the difference between what its old group had sent it and
 * what its new group exports, a budget at a time: first every key the old group had sent,
 * withdrawn where the new group sends nothing and announced where it sends other attributes;
 * then the new group's keys the old one never sent. A new group that is fed from the Loc-RIB
 * with the member already in it has announced all of its routes to the member by its drains,
 * so for it only the withdrawals are needed. The walk runs after the feed of its group (the
 * feed queue is in order), so the new group's table is complete when compared.
 * Owned by the RIB thread; not thread-safe.
 */
final class RegroupWalk implements RibWalk {
    private final UpdateGroup group;
    private final int member;
    private final SessionSink sink;
    private final AdjRibOutSnapshot before;
    private final boolean announced;
    private long[] oldKeys;
    private long[] newKeys;
    private int next;
    private final LongArrayList withdraw = new LongArrayList();
    private final LongArrayList announce = new LongArrayList();

    /** @param announced true when the group's drains already sent the member everything it exports */
    RegroupWalk(UpdateGroup group, int member, SessionSink sink, AdjRibOutSnapshot before, boolean announced) {
        this.group = group;
        this.member = member;
        this.sink = sink;
        this.before = before;
        this.announced = announced;
    }

    private boolean gone() { return group.isClosed() || group.sinkOf(member) != sink; }

    @Override
    public boolean step(int budget) {
        if (gone()) {
            before.release();
            return true;
        }
        if (oldKeys == null) oldKeys = before.keys();
        AdjRibOut out = group.adjRibOut();
        withdraw.clear();
        announce.clear();
        while (budget > 0 && next < oldKeys.length) {
            long k = oldKeys[next++];
            budget--;
            int was = before.source(k) == member ? 0 : before.get(k);
            int now = out.get(k) == 0 || out.source(k) == member ? 0 : out.get(k);
            if (was == 0 || was == now) continue;
            if (now == 0) withdraw.add(k);
            else if (!announced) announce.add(k);
        }
        if (next >= oldKeys.length && !announced) {
            if (newKeys == null) newKeys = out.keys();
            int i = next - oldKeys.length;
            while (budget > 0 && i < newKeys.length) {
                long k = newKeys[i++];
                budget--;
                if (before.get(k) == 0 || before.source(k) == member) announce.add(k);
            }
            next = oldKeys.length + i;
        }
        group.sendWithdrawn(member, withdraw.elements(), withdraw.size());
        group.sendCurrent(member, announce.elements(), 0, announce.size());
        boolean done = next >= oldKeys.length + (announced ? 0 : newKeys == null ? 1 : newKeys.length);
        if (done) before.release();
        return done;
    }
}
