package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bgpd.rib.adjout.GroupKey;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.route.Family;

/**
 * The RIB's live update groups and the lookups the loop and {@link GroupMoves} share: by key,
 * by member and family, leaving. A handful of groups even for a thousand peers (one per export
 * policy and session shape), so plain list scans. Owned by the RIB thread; not thread-safe.
 */
final class UpdateGroups implements Iterable<UpdateGroup> {
    private final List<UpdateGroup> groups = new ArrayList<>();

    void add(UpdateGroup g) { groups.add(g); }

    int size() { return groups.size(); }

    UpdateGroup get(int i) { return groups.get(i); }

    @Override
    public Iterator<UpdateGroup> iterator() { return groups.iterator(); }

    /** The group of exactly this key, or null. */
    UpdateGroup find(GroupKey key) {
        for (int i = 0; i < groups.size(); i++) if (groups.get(i).key().equals(key)) return groups.get(i);
        return null;
    }

    /** The group {@code peer} is a member of for {@code f}, or null. */
    UpdateGroup of(int peer, Family f) {
        for (int i = 0; i < groups.size(); i++) {
            UpdateGroup g = groups.get(i);
            if (g.family() == f && g.hasMember(peer)) return g;
        }
        return null;
    }

    /** Takes {@code peer} out of its groups of {@code f}; a group left empty is closed and dropped. */
    void leave(int peer, Family f) {
        for (int i = groups.size() - 1; i >= 0; i--) {
            UpdateGroup g = groups.get(i);
            if (g.family() == f && g.hasMember(peer) && g.removeMember(peer)) {
                g.close();
                groups.remove(i);
            }
        }
    }

    /** Takes {@code member} out of {@code g}, closing and dropping it when it was the last. */
    void leave(UpdateGroup g, int member) {
        if (g.removeMember(member)) {
            g.close();
            groups.remove(g);
        }
    }

    /** Routes {@code peer} holds from its group of {@code f} (its own routes are never sent back to it). */
    int exportedTo(int peer, Family f) {
        UpdateGroup g = of(peer, f);
        return g == null ? 0 : g.adjRibOut().sizeFor(peer);
    }

    /** The groups of a family, a copy. */
    List<UpdateGroup> of(Family f) {
        List<UpdateGroup> out = new ArrayList<>();
        for (UpdateGroup g : groups) if (g.family() == f) out.add(g);
        return out;
    }
}
