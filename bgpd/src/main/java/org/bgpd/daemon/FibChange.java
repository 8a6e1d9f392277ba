package org.bgpd.daemon;

import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * One Loc-RIB change for the kernel: {@code prefix} now routes over {@code nextHops} (the ECMP
 * set, best first; empty to remove), whose best came from {@code source} (null on removal).
 * The array is the RIB's fresh copy and is never written after the record is built.
 * Immutable by convention; safe to hand from the RIB thread to the FIB thread.
 */
record FibChange(Prefix prefix, NextHop[] nextHops, PeerKind source) {

    boolean isRemoval() { return nextHops.length == 0; }
}
