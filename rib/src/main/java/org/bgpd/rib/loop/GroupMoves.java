package org.bgpd.rib.loop;

import java.util.ArrayDeque;
import java.util.function.Function;
import org.bgpd.rib.adjout.AdjRibOutSnapshot;
import org.bgpd.rib.adjout.GroupKey;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.PeerInfo;

/**
 * Moves an established peer to the update group its new description calls for, without a
 * session reset (DESIGN.md "Configuration": a changed export policy re-sends, only a change to
 * the session itself resets). When {@link RibCommand.AddPeer} replaces a peer whose export
 * {@link GroupKey} changed (export chain, rr-client, next-hop mode, local AS), the member
 * leaves its group (which closes if it was the last), joins the group of the new key (formed
 * and fed from the Loc-RIB if none exists) and a {@link RegroupWalk} sends it the difference.
 * The session's encode context stays: it is fixed at OPEN.
 * Owned by the RIB thread; not thread-safe.
 */
final class GroupMoves {
    private final UpdateGroups groups;
    private final ArrayDeque<RibWalk> feeds;
    private final Function<GroupKey, UpdateGroup> newGroup;
    private final Function<UpdateGroup, RibWalk> initialFeed;

    /**
     * @param groups the loop's live groups (edited here)
     * @param feeds the loop's feed walks, run in order
     * @param newGroup makes an empty group for a key
     * @param initialFeed the walk that fills a new group from its family's Loc-RIB
     */
    GroupMoves(UpdateGroups groups, ArrayDeque<RibWalk> feeds, Function<GroupKey, UpdateGroup> newGroup,
               Function<UpdateGroup, RibWalk> initialFeed) {
        this.groups = groups;
        this.feeds = feeds;
        this.newGroup = newGroup;
        this.initialFeed = initialFeed;
    }

    /** Regroups {@code peer} in every family it is established in; @return how many families moved */
    int regroup(PeerInfo peer) {
        int moved = 0;
        for (Family f : Family.values()) {
            UpdateGroup from = groups.of(peer.index(), f);
            if (from == null) continue;
            GroupKey key = GroupKey.of(f, peer, from.key().encode());
            if (key.equals(from.key())) continue;
            move(peer.index(), from, key);
            moved++;
        }
        return moved;
    }

    private void move(int member, UpdateGroup from, GroupKey key) {
        SessionSink sink = from.sinkOf(member);
        AdjRibOutSnapshot sent = from.adjRibOut().snapshot();
        groups.leave(from, member);
        UpdateGroup to = groups.find(key);
        boolean fresh = to == null;
        if (fresh) {
            to = newGroup.apply(key);
            groups.add(to);
            feeds.add(initialFeed.apply(to));
        }
        to.addMember(member, sink);
        feeds.add(new RegroupWalk(to, member, sink, sent, fresh));
    }
}
