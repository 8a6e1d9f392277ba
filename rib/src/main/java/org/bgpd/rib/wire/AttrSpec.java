package org.bgpd.rib.wire;

/**
 * One row of the attribute table ({@link AttrTable}): what the generic UPDATE loop checks before
 * a value parser runs (BIRD's {@code bgp_attr_table[]} plus GoBGP's per-type error action).
 * Immutable; safe to share.
 *
 * @param flags       the Optional and Transitive bits the attribute must carry (RFC 4271 §5)
 * @param minLen      smallest legal value length
 * @param maxLen      largest legal value length
 * @param lenMultiple value length must be a multiple of this (1 = any)
 * @param onMalformed RFC 7606 §7 action for a length error
 * @param onBadFlags  action for Optional/Transitive bits that differ from {@code flags}: RFC 7606
 *                    §3 c says treat-as-withdraw unless the attribute's own rules differ
 * @param ebgpDiscard discarded when received from an external peer (RFC 7606 §7.5, §7.9, §7.10)
 * @param canonical   kept in {@link org.bgpd.rib.route.Attrs} wire bytes (false for NEXT_HOP,
 *                    MP_REACH/MP_UNREACH and the AS4_* attributes, which are folded into others)
 */
record AttrSpec(int code, String name, int flags, int minLen, int maxLen, int lenMultiple,
                AttrParser parser, ErrorAction onMalformed, ErrorAction onBadFlags, boolean ebgpDiscard, boolean canonical) {

    static final int OPTIONAL = 0x80;
    static final int TRANSITIVE = 0x40;
    static final int PARTIAL = 0x20;
    static final int EXTENDED_LENGTH = 0x10;
    /** Well-known attributes: Optional clear, Transitive set. */
    static final int WELL_KNOWN = TRANSITIVE;
    static final int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;

    boolean lengthOk(int len) {
        return len >= minLen && len <= maxLen && len % lenMultiple == 0;
    }
}
