package org.bgpd.rib.loop;

import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.adjout.UpdateGroup;

/**
 * Sends one member the group's current Adj-RIB-Out, a budget at a time: a member that joined a
 * running group (then End-of-RIB), or a member that asked for a route refresh (RFC 2918 §4;
 * then the optional end marker, RFC 7313 EoRR). Changes meanwhile reach it through the group's
 * normal drain, so it ends up with the current state whichever comes first. Stops if the
 * member's session went away (its sink is no longer the group's).
 * Owned by the RIB thread; not thread-safe.
 */
final class MemberFeed implements RibWalk {
    private final UpdateGroup group;
    private final int member;
    private final SessionSink sink;
    private final long[] keys;
    private final boolean refresh;
    private byte[] begin;
    private final byte[] end;
    private int next;

    MemberFeed(UpdateGroup group, int member, SessionSink sink) {
        this(group, member, sink, false, null, null);
    }

    private MemberFeed(UpdateGroup group, int member, SessionSink sink, boolean refresh, byte[] begin, byte[] end) {
        this.group = group;
        this.member = member;
        this.sink = sink;
        this.keys = group.adjRibOut().keys();
        this.refresh = refresh;
        this.begin = begin;
        this.end = end;
    }

    /** A route refresh of an established member: {@code begin}, the routes, {@code end} (each may be null). */
    static MemberFeed refresh(UpdateGroup group, int member, byte[] begin, byte[] end) {
        return new MemberFeed(group, member, group.sinkOf(member), true, begin, end);
    }

    private boolean gone() { return group.isClosed() || group.sinkOf(member) != sink; }

    @Override
    public boolean step(int budget) {
        if (gone()) return true;
        if (begin != null) {
            sink.send(begin);
            begin = null;
        }
        int to = (int) Math.min(keys.length, (long) next + budget);
        group.sendCurrent(member, keys, next, to);
        next = to;
        return next >= keys.length;
    }

    @Override
    public void finish() {
        if (gone()) return;
        if (!refresh) group.memberFed(member);
        else if (end != null) sink.send(end);
    }
}
