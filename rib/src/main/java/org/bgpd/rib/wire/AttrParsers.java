package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.ErrorAction.ATTRIBUTE_DISCARD;
import static org.bgpd.rib.wire.ErrorAction.NONE;
import static org.bgpd.rib.wire.ErrorAction.TREAT_AS_WITHDRAW;

import java.util.List;

/**
 * Value semantics of the attributes whose meaning goes beyond flags and length; referenced from
 * {@link AttrTable}. Flags, length and duplicates were checked before any of these runs.
 * Stateless.
 */
final class AttrParsers {
    // RFC 4271 §6.3 UPDATE Message Error subcodes
    static final int MALFORMED_ATTRIBUTE_LIST = 1;
    static final int UNRECOGNIZED_WELL_KNOWN = 2;
    static final int MISSING_WELL_KNOWN = 3;
    static final int ATTRIBUTE_FLAGS_ERROR = 4;
    static final int ATTRIBUTE_LENGTH_ERROR = 5;
    static final int INVALID_ORIGIN = 6;
    static final int INVALID_NEXT_HOP = 8;
    static final int OPTIONAL_ATTRIBUTE_ERROR = 9;
    static final int INVALID_NETWORK_FIELD = 10;
    static final int MALFORMED_AS_PATH = 11;

    private AttrParsers() {}

    /** RFC 7606 §7.1: an undefined ORIGIN value is treat-as-withdraw. */
    static ErrorAction origin(DecodeState st, byte[] b, int off, int len) {
        if ((b[off] & 0xFF) > 2) return st.malformed(TREAT_AS_WITHDRAW, INVALID_ORIGIN, "undefined ORIGIN " + (b[off] & 0xFF));
        return NONE;
    }

    /**
     * RFC 7606 §7.2: a bad segment type, a zero-length segment, an overrun or an underrun is
     * treat-as-withdraw. On a 2-octet session the path is widened now and merged with AS4_PATH
     * once all attributes are seen (RFC 6793 §4.2.3).
     */
    static ErrorAction asPath(DecodeState st, byte[] b, int off, int len) {
        int asSize = st.ctx.fourOctetAs() ? 4 : 2;
        if (!AsPathCodec.valid(b, off, len, asSize)) return st.malformed(TREAT_AS_WITHDRAW, MALFORMED_AS_PATH, "malformed AS_PATH");
        if (asSize == 2) st.asPath4 = AsPathCodec.encode(AsPathCodec.segments(b, off, len, 2), 4);
        return NONE;
    }

    /** RFC 7606 §7.3, RFC 4271 §6.3: a NEXT_HOP that is no host address is treat-as-withdraw. */
    static ErrorAction nextHop(DecodeState st, byte[] b, int off, int len) {
        int a = AsPathCodec.u32(b, off);
        if (martian(a)) return st.malformed(TREAT_AS_WITHDRAW, INVALID_NEXT_HOP, "martian NEXT_HOP");
        st.hasNextHop = true;
        st.nextHop4 = a;
        return NONE;
    }

    /**
     * 0/8, multicast 224/4 and reserved 240/4 (with broadcast) are not host addresses. Loopback
     * 127/8 is allowed, as BIRD allows it: speakers on one host (labs, namespaces) use it.
     */
    static boolean martian(int a) {
        int top = a >>> 24;
        return top == 0 || top >= 224;
    }

    /** RFC 7606 §7.7: AGGREGATOR is 6 octets on 2-octet sessions, 8 on 4-octet ones; otherwise discard. */
    static ErrorAction aggregator(DecodeState st, byte[] b, int off, int len) {
        boolean four = st.ctx.fourOctetAs();
        if (len != (four ? 8 : 6)) return st.malformed(ATTRIBUTE_DISCARD, ATTRIBUTE_LENGTH_ERROR, "AGGREGATOR length " + len);
        if (!four) {
            int as = (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
            st.aggregatorAs = as;
            byte[] v = new byte[8];
            v[2] = (byte) (as >>> 8);
            v[3] = (byte) as;
            System.arraycopy(b, off + 2, v, 4, 4);
            st.aggregator4 = v;
        }
        return NONE;
    }

    /**
     * RFC 6793: on a 4-octet session AS4_PATH should not appear (§3) and is discarded; on a
     * 2-octet session a malformed one is discarded (§6). Confederation segments are dropped from
     * it (§3). Kept aside for the reconstruction, never stored itself.
     */
    static ErrorAction as4Path(DecodeState st, byte[] b, int off, int len) {
        if (st.ctx.fourOctetAs()) return st.malformed(ATTRIBUTE_DISCARD, OPTIONAL_ATTRIBUTE_ERROR, "AS4_PATH on a 4-octet session");
        if (!AsPathCodec.valid(b, off, len, 4)) return st.malformed(ATTRIBUTE_DISCARD, OPTIONAL_ATTRIBUTE_ERROR, "malformed AS4_PATH");
        st.as4PathOff = off;
        st.as4PathLen = len;
        return NONE;
    }

    /** RFC 6793 §3, §6: discarded on 4-octet sessions; length checked from the table (8). */
    static ErrorAction as4Aggregator(DecodeState st, byte[] b, int off, int len) {
        if (st.ctx.fourOctetAs()) return st.malformed(ATTRIBUTE_DISCARD, OPTIONAL_ATTRIBUTE_ERROR, "AS4_AGGREGATOR on a 4-octet session");
        st.as4AggOff = off;
        st.as4AggLen = len;
        return NONE;
    }

    /**
     * RFC 6793 §4.2.3, run after the attribute loop on 2-octet sessions: AS4_AGGREGATOR replaces
     * an AGGREGATOR of AS_TRANS; when AGGREGATOR names a real AS, both AS4 attributes are ignored;
     * otherwise AS4_PATH is merged into AS_PATH (ignored when longer than AS_PATH).
     */
    static void reconcileAs4(DecodeState st) {
        byte[] b = st.body;
        if (st.as4AggOff >= 0 && st.aggregatorAs < 0) st.discard(AttrType.AS4_AGGREGATOR.code());
        if (st.as4AggOff >= 0 && st.aggregatorAs >= 0) {
            if (st.aggregatorAs != AsPathCodec.AS_TRANS) {
                st.discard(AttrType.AS4_AGGREGATOR.code());
                if (st.as4PathOff >= 0) st.discard(AttrType.AS4_PATH.code());
                return;
            }
            System.arraycopy(b, st.as4AggOff, st.aggregator4, 0, 8);
        }
        if (st.as4PathOff >= 0 && st.asPath4 != null) {
            List<AsPathSegment> path = AsPathCodec.segments(st.asPath4, 0, st.asPath4.length, 4);
            List<AsPathSegment> as4 = AsPathCodec.withoutConfed(AsPathCodec.segments(b, st.as4PathOff, st.as4PathLen, 4));
            st.asPath4 = AsPathCodec.encode(AsPathCodec.reconstruct(path, as4), 4);
        }
    }
}
