package org.bgpd.rib.wire;

import java.util.EnumSet;
import java.util.Set;
import org.bgpd.rib.route.Family;

/**
 * What the decoder must know about a session, fixed at OPEN: 4-octet AS support (RFC 6793),
 * ADD-PATH receive per family (RFC 7911), whether the peer is internal (RFC 7606 §7.5, §7.9,
 * §7.10 discard LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST from external peers), the
 * negotiated families and our AS. Immutable; safe to share.
 */
public record DecodeContext(boolean fourOctetAs, boolean ibgp, int localAs, Set<Family> families, Set<Family> addPathReceive) {

    public DecodeContext {
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
    }

    /** A 4-octet session for both unicast families without ADD-PATH. */
    public static DecodeContext of(boolean ibgp, int localAs) {
        return new DecodeContext(true, ibgp, localAs, EnumSet.allOf(Family.class), Set.of());
    }

    public boolean addPath(Family f) { return addPathReceive.contains(f); }

    public DecodeContext withFourOctetAs(boolean four) { return new DecodeContext(four, ibgp, localAs, families, addPathReceive); }

    public DecodeContext withAddPath(Set<Family> receive) { return new DecodeContext(fourOctetAs, ibgp, localAs, families, receive); }

    public DecodeContext withFamilies(Set<Family> fams) { return new DecodeContext(fourOctetAs, ibgp, localAs, fams, addPathReceive); }
}
