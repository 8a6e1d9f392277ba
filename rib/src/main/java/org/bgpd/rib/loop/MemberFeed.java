package org.bgpd.rib.loop;

import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.adjout.UpdateGroup;

/**
 * Sends a member that joined a running group the group's current Adj-RIB-Out, a budget at a
 * time, then End-of-RIB. Changes meanwhile reach it through the group's normal drain, so it
 * ends up with the current state whichever comes first. Stops if the member's session went
 * away (its sink is no longer the group's).
 * Owned by the RIB thread; not thread-safe.
 */
final class MemberFeed implements RibWalk {
    private final UpdateGroup group;
    private final int member;
    private final SessionSink sink;
    private final long[] keys;
    private int next;

    MemberFeed(UpdateGroup group, int member, SessionSink sink) {
        this.group = group;
        this.member = member;
        this.sink = sink;
        this.keys = group.adjRibOut().keys();
    }

    private boolean gone() { return group.isClosed() || group.sinkOf(member) != sink; }

    @Override
    public boolean step(int budget) {
        if (gone()) return true;
        int to = (int) Math.min(keys.length, (long) next + budget);
        group.sendCurrent(member, keys, next, to);
        next = to;
        return next >= keys.length;
    }

    @Override
    public void finish() {
        if (!gone()) group.memberFed(member);
    }
}
