package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AttrSpec.OPTIONAL;
import static org.bgpd.rib.wire.AttrSpec.OPTIONAL_TRANSITIVE;
import static org.bgpd.rib.wire.AttrSpec.WELL_KNOWN;
import static org.bgpd.rib.wire.ErrorAction.ATTRIBUTE_DISCARD;
import static org.bgpd.rib.wire.ErrorAction.SESSION_RESET;
import static org.bgpd.rib.wire.ErrorAction.TREAT_AS_WITHDRAW;

/**
 * The attribute table, indexed by type code: null for codes we do not understand. The action
 * columns follow RFC 7606 §7 per attribute; a flags error is treat-as-withdraw (§3 c), except
 * for the AS4 attributes, whose malformations RFC 6793 §6 always discards.
 * Immutable; safe to share.
 */
final class AttrTable {
    private static final AttrSpec[] SPECS = new AttrSpec[256];
    private static final int MAX = 65535;

    static {
        // §7.1 ORIGIN, §7.2 AS_PATH, §7.3 NEXT_HOP: treat-as-withdraw
        add(new AttrSpec(1, "ORIGIN", WELL_KNOWN, 1, 1, 1, AttrParsers::origin, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
        add(new AttrSpec(2, "AS_PATH", WELL_KNOWN, 0, MAX, 1, AttrParsers::asPath, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
        add(new AttrSpec(3, "NEXT_HOP", WELL_KNOWN, 4, 4, 1, AttrParsers::nextHop, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, false));
        // §7.4 MED: treat-as-withdraw
        add(new AttrSpec(4, "MULTI_EXIT_DISC", OPTIONAL, 4, 4, 1, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
        // §7.5 LOCAL_PREF: discarded from eBGP, treat-as-withdraw when malformed
        add(new AttrSpec(5, "LOCAL_PREF", WELL_KNOWN, 4, 4, 1, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, true, true));
        // §7.6 ATOMIC_AGGREGATE, §7.7 AGGREGATOR: attribute discard
        add(new AttrSpec(6, "ATOMIC_AGGREGATE", WELL_KNOWN, 0, 0, 1, null, ATTRIBUTE_DISCARD, TREAT_AS_WITHDRAW, false, true));
        add(new AttrSpec(7, "AGGREGATOR", OPTIONAL_TRANSITIVE, 6, 8, 1, AttrParsers::aggregator, ATTRIBUTE_DISCARD, TREAT_AS_WITHDRAW, false, true));
        // §7.8 COMMUNITIES: a non-zero multiple of 4, else treat-as-withdraw
        add(new AttrSpec(8, "COMMUNITIES", OPTIONAL_TRANSITIVE, 4, MAX, 4, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
        // §7.9 ORIGINATOR_ID, §7.10 CLUSTER_LIST: discarded from eBGP, treat-as-withdraw when malformed
        add(new AttrSpec(9, "ORIGINATOR_ID", OPTIONAL, 4, 4, 1, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, true, true));
        add(new AttrSpec(10, "CLUSTER_LIST", OPTIONAL, 4, MAX, 4, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, true, true));
        // §7.11, §7.12: the NLRI cannot be located without AFI/SAFI: session reset
        add(new AttrSpec(14, "MP_REACH_NLRI", OPTIONAL, 5, MAX, 1, MpReachCodec::reach, SESSION_RESET, TREAT_AS_WITHDRAW, false, false));
        add(new AttrSpec(15, "MP_UNREACH_NLRI", OPTIONAL, 3, MAX, 1, MpReachCodec::unreach, SESSION_RESET, TREAT_AS_WITHDRAW, false, false));
        // §7.14 EXTENDED_COMMUNITIES: a non-zero multiple of 8, else treat-as-withdraw
        add(new AttrSpec(16, "EXTENDED_COMMUNITIES", OPTIONAL_TRANSITIVE, 8, MAX, 8, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
        // RFC 6793 §6: malformed AS4_PATH / AS4_AGGREGATOR are discarded
        add(new AttrSpec(17, "AS4_PATH", OPTIONAL_TRANSITIVE, 0, MAX, 1, AttrParsers::as4Path, ATTRIBUTE_DISCARD, ATTRIBUTE_DISCARD, false, false));
        add(new AttrSpec(18, "AS4_AGGREGATOR", OPTIONAL_TRANSITIVE, 8, 8, 1, AttrParsers::as4Aggregator, ATTRIBUTE_DISCARD, ATTRIBUTE_DISCARD, false, false));
        // RFC 8092 §6 LARGE_COMMUNITIES: a non-zero multiple of 12, else treat-as-withdraw
        add(new AttrSpec(32, "LARGE_COMMUNITIES", OPTIONAL_TRANSITIVE, 12, MAX, 12, null, TREAT_AS_WITHDRAW, TREAT_AS_WITHDRAW, false, true));
    }

    private AttrTable() {}

    private static void add(AttrSpec s) { SPECS[s.code()] = s; }

    /** The spec for a code, or null when the code is not one we understand. */
    static AttrSpec spec(int code) { return SPECS[code & 0xFF]; }
}
