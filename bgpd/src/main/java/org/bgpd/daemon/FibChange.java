package org.bgpd.daemon;

import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * One Loc-RIB change for the kernel: {@code prefix} now routes over {@code nextHops} (the ECMP
 * set, best first; empty to remove), whose best came from {@code source} (null on removal);
 * {@code how[i]} is the kernel export chain's device and onlink for {@code nextHops[i]}.
 * The arrays are the RIB's fresh copies and are never written after the record is built.
 * Immutable by convention; safe to hand from the RIB thread to the FIB thread.
 */
record FibChange(Prefix prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {

    /** Every next hop installed as it says (the chain set no device or flag). */
    FibChange(Prefix prefix, NextHop[] nextHops, PeerKind source) {
        this(prefix, nextHops, plain(nextHops.length), source);
    }

    static KernelDirectives[] plain(int n) {
        KernelDirectives[] how = new KernelDirectives[n];
        java.util.Arrays.fill(how, KernelDirectives.PLAIN);
        return how;
    }

    boolean isRemoval() { return nextHops.length == 0; }
}
