package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AttrParsers.ATTRIBUTE_FLAGS_ERROR;
import static org.bgpd.rib.wire.AttrParsers.ATTRIBUTE_LENGTH_ERROR;
import static org.bgpd.rib.wire.AttrParsers.INVALID_NETWORK_FIELD;
import static org.bgpd.rib.wire.AttrParsers.MALFORMED_ATTRIBUTE_LIST;
import static org.bgpd.rib.wire.AttrParsers.MISSING_WELL_KNOWN;
import static org.bgpd.rib.wire.AttrParsers.UNRECOGNIZED_WELL_KNOWN;
import static org.bgpd.rib.wire.ErrorAction.ATTRIBUTE_DISCARD;
import static org.bgpd.rib.wire.ErrorAction.NONE;
import static org.bgpd.rib.wire.ErrorAction.SESSION_RESET;
import static org.bgpd.rib.wire.ErrorAction.TREAT_AS_WITHDRAW;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;

/**
 * Decodes an UPDATE body (RFC 4271 §4.3, without the 19-byte header) into an {@link InboundUpdate},
 * applying RFC 7606 error handling. The attribute loop checks flags, length and duplicates from
 * {@link AttrTable} before any value parser runs. Malformed input is a result, never an exception.
 * Allocates the NLRI arrays, the canonical bytes and the {@link Attrs}; nothing per prefix.
 * Stateless; safe from any thread.
 */
public final class UpdateDecoder {
    private UpdateDecoder() {}

    public static InboundUpdate decode(byte[] body, int off, int len, DecodeContext ctx) {
        DecodeState st = new DecodeState(ctx, body);
        Family v4 = Family.IPV4_UNICAST;
        if (len < 4) return reset(st, off, off + len, MALFORMED_ATTRIBUTE_LIST, "UPDATE body shorter than 4 octets");
        int end = off + len;
        int wLen = u16(body, off);
        // RFC 4271 §6.3: length fields that overrun the message are a Malformed Attribute List
        if (4 + wLen > len) return reset(st, off, end, MALFORMED_ATTRIBUTE_LIST, "Withdrawn Routes Length overruns the message");
        int aLen = u16(body, off + 2 + wLen);
        if (4 + wLen + aLen > len) return reset(st, off, end, MALFORMED_ATTRIBUTE_LIST, "Total Path Attribute Length overruns the message");
        int aOff = off + 4 + wLen, nOff = aOff + aLen, nLen = end - nOff;

        // RFC 7606 §5.3: a syntactically wrong Withdrawn Routes or NLRI field cannot be skipped
        if (wLen > 0 && NlriCodec.read(body, off + 2, wLen, v4, ctx.addPath(v4), st.withdrawn(v4, wLen)) != null)
            return reset(st, off + 2, off + 2 + wLen, INVALID_NETWORK_FIELD, "malformed Withdrawn Routes field");
        if (wLen == 0 && aLen == 0 && nLen == 0) return endOfRib(v4);

        int attrCount = attributes(st, aOff, nOff);
        if (st.action == SESSION_RESET) return result(st, null, null);
        if (nLen > 0 && NlriCodec.read(body, nOff, nLen, v4, ctx.addPath(v4), st.announced(v4, nLen)) != null)
            return reset(st, nOff, end, INVALID_NETWORK_FIELD, "malformed NLRI field");

        // RFC 4724 §2: an UPDATE holding only an empty MP_UNREACH_NLRI is that family's End-of-RIB
        if (wLen == 0 && nLen == 0 && attrCount == 1 && st.mpUnreachFamily != null && size(st.withdrawn(st.mpUnreachFamily, 0)) == 0)
            return endOfRib(st.mpUnreachFamily);

        if (!ctx.fourOctetAs()) AttrParsers.reconcileAs4(st);
        boolean announces4 = size(st.announced4) > 0 && !st.disabled(v4);
        boolean announces6 = size(st.announced6) > 0 && !st.disabled(Family.IPV6_UNICAST);
        if (announces4 || announces6) {
            // RFC 7606 §3 d: missing well-known attributes are treat-as-withdraw; NEXT_HOP is only
            // required with classic NLRI (RFC 4760 §3)
            missing(st, AttrType.ORIGIN.code());
            missing(st, AttrType.AS_PATH.code());
            if (nLen > 0) missing(st, AttrType.NEXT_HOP.code());
        }
        if (st.withdrawAll || !(announces4 || announces6)) return result(st, null, null);

        byte[] wire = CanonicalAttrs.fromDecoded(st);
        NextHop nh4 = nLen > 0 || st.mpReachFamily != v4 ? NextHop.v4(st.nextHop4) : st.mpNextHop;
        Attrs a4 = announces4 ? CanonicalAttrs.attrs(wire, nh4) : null;
        Attrs a6 = announces6 ? CanonicalAttrs.attrs(wire, st.mpNextHop) : null;
        return result(st, a4, a6);
    }

    public static InboundUpdate decode(byte[] body, DecodeContext ctx) { return decode(body, 0, body.length, ctx); }

    /** Walks the path attributes in {@code [p, end)}; returns how many there were. */
    private static int attributes(DecodeState st, int p, int end) {
        byte[] b = st.body;
        int count = 0;
        while (p < end) {
            int flags = b[p] & 0xFF;
            int hdr = (flags & AttrSpec.EXTENDED_LENGTH) != 0 ? 4 : 3;
            st.attrStart = p;
            st.attrEnd = end;
            // RFC 7606 §4: too few octets for a header, or a length past the attribute area, is
            // treat-as-withdraw; the Total Path Attribute Length still locates the NLRI
            if (end - p < hdr) {
                st.malformed(TREAT_AS_WITHDRAW, MALFORMED_ATTRIBUTE_LIST, "truncated attribute header");
                return count;
            }
            int code = b[p + 1] & 0xFF;
            int vLen = hdr == 4 ? u16(b, p + 2) : b[p + 2] & 0xFF;
            int vOff = p + hdr;
            if (vOff + vLen > end) {
                st.malformed(TREAT_AS_WITHDRAW, ATTRIBUTE_LENGTH_ERROR, "attribute " + code + " overruns the path attributes");
                return count;
            }
            st.attrEnd = vOff + vLen;
            p = vOff + vLen;
            count++;
            attribute(st, flags, code, vOff, vLen);
            if (st.action == SESSION_RESET) return count;
        }
        return count;
    }

    private static void attribute(DecodeState st, int flags, int code, int vOff, int vLen) {
        AttrSpec spec = AttrTable.spec(code);
        boolean mp = code == AttrType.MP_REACH_NLRI.code() || code == AttrType.MP_UNREACH_NLRI.code();
        if (!st.firstSighting(code)) {
            // RFC 7606 §3 g: keep the first; a repeated MP attribute is a Malformed Attribute List
            if (mp) st.malformed(SESSION_RESET, MALFORMED_ATTRIBUTE_LIST, "repeated " + AttrType.of(code));
            else discard(st, code, MALFORMED_ATTRIBUTE_LIST, "repeated " + AttrType.of(code));
            return;
        }
        if (spec == null) {
            // RFC 4271 §5, §6.3: unknown optional transitive travels on with Partial set, unknown
            // optional non-transitive is dropped quietly, unknown well-known resets the session
            if ((flags & AttrSpec.OPTIONAL) == 0) st.malformed(SESSION_RESET, UNRECOGNIZED_WELL_KNOWN, "unrecognized well-known attribute " + code);
            else if ((flags & AttrSpec.TRANSITIVE) != 0) st.keep(code, AttrSpec.OPTIONAL_TRANSITIVE | AttrSpec.PARTIAL, vOff, vLen);
            return;
        }
        if (spec.ebgpDiscard() && !st.ctx.ibgp()) {
            discard(st, code, MALFORMED_ATTRIBUTE_LIST, spec.name() + " from an external peer");
            return;
        }
        if ((flags & AttrSpec.OPTIONAL_TRANSITIVE) != spec.flags()) {
            ErrorAction a = spec.onBadFlags();
            st.malformed(a, ATTRIBUTE_FLAGS_ERROR, spec.name() + " flags 0x" + Integer.toHexString(flags));
            if (a == ATTRIBUTE_DISCARD) st.discard(code);
            // the MP attributes are still read so their prefixes can be withdrawn
            if (!mp) return;
        }
        if (!spec.lengthOk(vLen)) {
            ErrorAction a = spec.onMalformed();
            st.malformed(a, ATTRIBUTE_LENGTH_ERROR, spec.name() + " length " + vLen);
            if (a == ATTRIBUTE_DISCARD) st.discard(code);
            return;
        }
        ErrorAction a = spec.parser() == null ? NONE : spec.parser().parse(st, st.body, vOff, vLen);
        if (a == NONE) {
            if (spec.canonical()) st.keep(code, normalisedFlags(spec, flags), vOff, vLen);
        } else if (a == ATTRIBUTE_DISCARD) {
            st.discard(code);
        }
    }

    /** Table flags; an optional transitive attribute keeps a Partial bit it arrived with (RFC 4271 §5). */
    private static int normalisedFlags(AttrSpec spec, int flags) {
        return spec.flags() == AttrSpec.OPTIONAL_TRANSITIVE ? spec.flags() | (flags & AttrSpec.PARTIAL) : spec.flags();
    }

    private static void discard(DecodeState st, int code, int subcode, String reason) {
        st.discard(code);
        st.malformed(ATTRIBUTE_DISCARD, subcode, reason);
    }

    private static void missing(DecodeState st, int code) {
        if (!st.seen(code)) st.fail(TREAT_AS_WITHDRAW, WireError.update(MISSING_WELL_KNOWN, new byte[] {(byte) code}, "missing " + AttrType.of(code)));
    }

    private static InboundUpdate reset(DecodeState st, int from, int to, int subcode, String reason) {
        st.attrStart = from;
        st.attrEnd = to;
        // a NOTIFICATION's data is bounded by the message; cap what we quote
        if (st.attrEnd - st.attrStart > 255) st.attrEnd = st.attrStart + 255;
        st.malformed(SESSION_RESET, subcode, reason);
        return result(st, null, null);
    }

    private static InboundUpdate endOfRib(Family f) {
        return new InboundUpdate(null, null, NlriList.EMPTY_V4, NlriList.EMPTY_V4, NlriList.EMPTY_V6, NlriList.EMPTY_V6,
                NONE, null, null, InboundUpdate.NONE_DISCARDED, f);
    }

    private static InboundUpdate result(DecodeState st, Attrs a4, Attrs a6) {
        Family v4 = Family.IPV4_UNICAST, v6 = Family.IPV6_UNICAST;
        if (st.action == SESSION_RESET)
            return new InboundUpdate(null, null, NlriList.EMPTY_V4, NlriList.EMPTY_V4, NlriList.EMPTY_V6, NlriList.EMPTY_V6,
                    st.action, st.error, st.errorFamily, st.discarded(), null);
        NlriList ann4 = st.disabled(v4) ? NlriList.EMPTY_V4 : build(st.announced4, v4);
        NlriList wd4 = st.disabled(v4) ? NlriList.EMPTY_V4 : build(st.withdrawn4, v4);
        NlriList ann6 = st.disabled(v6) ? NlriList.EMPTY_V6 : build(st.announced6, v6);
        NlriList wd6 = st.disabled(v6) ? NlriList.EMPTY_V6 : build(st.withdrawn6, v6);
        if (a4 == null && !ann4.isEmpty()) {
            wd4 = merge(wd4, ann4, st.ctx.addPath(v4));
            ann4 = NlriList.EMPTY_V4;
        }
        if (a6 == null && !ann6.isEmpty()) {
            wd6 = merge(wd6, ann6, st.ctx.addPath(v6));
            ann6 = NlriList.EMPTY_V6;
        }
        return new InboundUpdate(a4, a6, ann4, wd4, ann6, wd6, st.action, st.error, st.errorFamily, st.discarded(), null);
    }

    /** RFC 7606 §2 treat-as-withdraw: the announced prefixes join the withdrawn ones. */
    private static NlriList merge(NlriList withdrawn, NlriList announced, boolean addPath) {
        NlriList.Builder b = NlriList.builder(announced.family(), addPath, withdrawn.size() + announced.size());
        boolean v4 = announced.family() == Family.IPV4_UNICAST;
        for (NlriList l : new NlriList[] {withdrawn, announced}) {
            for (int i = 0; i < l.size(); i++) {
                if (v4) b.addV4(l.v4(i), l.pathId(i));
                else b.addV6(l.v6Hi(i), l.v6Lo(i), l.v6Length(i), l.pathId(i));
            }
        }
        return b.build();
    }

    private static NlriList build(NlriList.Builder b, Family f) { return b == null ? NlriList.empty(f) : b.build(); }

    private static int size(NlriList.Builder b) { return b == null ? 0 : b.size(); }

    static int u16(byte[] b, int p) { return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF); }
}
