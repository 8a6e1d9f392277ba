package org.bgpd.rib.wire;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;

/**
 * One decoded UPDATE, ready for the RIB inbox. {@code attrs4}/{@code attrs6} are canonical but
 * not interned (the RIB thread interns them); they share the attribute bytes and differ only in
 * next hop, and are null when the family announces nothing. After treat-as-withdraw the
 * announced prefixes already sit in the withdrawn lists (RFC 7606 §2). On SESSION_RESET every
 * list is empty and {@code error} holds the NOTIFICATION; on AFI_SAFI_DISABLE the family in
 * {@code errorFamily} carries no prefixes (null when the AFI/SAFI is one we do not carry).
 * {@code discarded} lists the type codes of attributes dropped under "attribute discard", for
 * logging. {@code endOfRib} is the family whose End-of-RIB marker this is (RFC 4724 §2), or null.
 * Immutable; safe to hand between threads.
 */
public record InboundUpdate(Attrs attrs4, Attrs attrs6,
                            NlriList announced4, NlriList withdrawn4, NlriList announced6, NlriList withdrawn6,
                            ErrorAction action, WireError error, Family errorFamily, int[] discarded, Family endOfRib) {

    static final int[] NONE_DISCARDED = new int[0];

    /** The attribute set of the announced prefixes (IPv4 first); null when nothing is announced. */
    public Attrs attrs() { return attrs4 != null ? attrs4 : attrs6; }

    public Attrs attrs(Family f) { return f == Family.IPV4_UNICAST ? attrs4 : attrs6; }

    public NlriList announced(Family f) { return f == Family.IPV4_UNICAST ? announced4 : announced6; }

    public NlriList withdrawn(Family f) { return f == Family.IPV4_UNICAST ? withdrawn4 : withdrawn6; }

    public boolean isEndOfRib() { return endOfRib != null; }

    /** True when the RIB should apply this update (possibly as withdrawals only). */
    public boolean usable() { return action != ErrorAction.SESSION_RESET; }
}
