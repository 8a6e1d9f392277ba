package org.bgpd.config.diff;

import java.util.EnumSet;
import java.util.Set;

/** Immutable; safe to share. The actions a reload takes for one named peer or dynamic-peer group. */
public record PeerChange(String name, Set<PeerAction> actions) {

    public PeerChange {
        actions = Set.copyOf(actions);
    }

    static PeerChange of(String name, PeerAction first, PeerAction... rest) {
        return new PeerChange(name, EnumSet.of(first, rest));
    }

    public boolean has(PeerAction a) {
        return actions.contains(a);
    }
}
