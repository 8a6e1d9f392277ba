package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AttrParsers.INVALID_NEXT_HOP;
import static org.bgpd.rib.wire.AttrParsers.OPTIONAL_ATTRIBUTE_ERROR;
import static org.bgpd.rib.wire.ErrorAction.NONE;
import static org.bgpd.rib.wire.ErrorAction.SESSION_RESET;
import static org.bgpd.rib.wire.ErrorAction.TREAT_AS_WITHDRAW;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Ipv6;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;

/**
 * MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760 §3, §4) for the unicast families we carry:
 * decoding into the {@link DecodeState} NLRI builders and encoding an attribute around prefixes.
 * Stateless.
 */
final class MpReachCodec {
    private MpReachCodec() {}

    /**
     * RFC 7606 §7.11: an AFI/SAFI we did not negotiate, a next-hop length we do not expect or a
     * malformed NLRI disables the family (RFC 4760 §7 names 3/9 for the NOTIFICATION if the
     * session is reset instead). An AFI/SAFI we do not carry at all cannot be disabled, so it
     * resets the session. A next hop that is no unicast address is treat-as-withdraw.
     */
    static ErrorAction reach(DecodeState st, byte[] b, int off, int len) {
        Family f = family(st, b, off);
        if (f == null) return st.action;
        int nhLen = b[off + 3] & 0xFF;
        boolean nhOk = f == Family.IPV4_UNICAST ? nhLen == 4 : nhLen == 16 || nhLen == 32;
        if (!nhOk || 4 + nhLen + 1 > len) return st.disable(f, OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH next hop length " + nhLen);
        int p = off + 4;
        NextHop nh;
        ErrorAction a = NONE;
        if (f == Family.IPV4_UNICAST) {
            int v = AsPathCodec.u32(b, p);
            if (AttrParsers.martian(v)) a = st.malformed(TREAT_AS_WITHDRAW, INVALID_NEXT_HOP, "martian MP_REACH next hop");
            nh = NextHop.v4(v);
        } else {
            long hi = Ipv6.fromBytes(b, p), lo = Ipv6.fromBytes(b, p + 8);
            if (martian6(hi, lo)) a = st.malformed(TREAT_AS_WITHDRAW, INVALID_NEXT_HOP, "martian MP_REACH next hop");
            long llHi = nhLen == 32 ? Ipv6.fromBytes(b, p + 16) : 0, llLo = nhLen == 32 ? Ipv6.fromBytes(b, p + 24) : 0;
            nh = NextHop.v6(hi, lo, llHi, llLo);
        }
        p += nhLen + 1; // the reserved octet (formerly SNPAs) is ignored, RFC 4760 §3
        int nlriLen = off + len - p;
        String bad = NlriCodec.read(b, p, nlriLen, f, st.ctx.addPath(f), st.announced(f, nlriLen));
        if (bad != null) return st.disable(f, OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH NLRI: " + bad);
        st.mpReachFamily = f;
        st.mpNextHop = nh;
        return a;
    }

    /** RFC 7606 §7.12: as for MP_REACH_NLRI, without a next hop. */
    static ErrorAction unreach(DecodeState st, byte[] b, int off, int len) {
        Family f = family(st, b, off);
        if (f == null) return st.action;
        int nlriLen = len - 3;
        String bad = NlriCodec.read(b, off + 3, nlriLen, f, st.ctx.addPath(f), st.withdrawn(f, nlriLen));
        if (bad != null) return st.disable(f, OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH NLRI: " + bad);
        st.mpUnreachFamily = f;
        return NONE;
    }

    /** The family of an MP attribute, or null after recording the error. */
    private static Family family(DecodeState st, byte[] b, int off) {
        int afi = (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF), safi = b[off + 2] & 0xFF;
        Family f = Family.of(afi, safi);
        if (f == null) {
            st.malformed(SESSION_RESET, OPTIONAL_ATTRIBUTE_ERROR, "unsupported AFI/SAFI " + afi + "/" + safi);
            return null;
        }
        if (!st.ctx.families().contains(f)) {
            st.disable(f, OPTIONAL_ATTRIBUTE_ERROR, "AFI/SAFI " + f.shortName() + " not negotiated");
            return null;
        }
        return f;
    }

    /** Unspecified and multicast addresses are no next hop; loopback ::1 is allowed, as for IPv4. */
    static boolean martian6(long hi, long lo) {
        if (hi == 0 && lo == 0) return true;
        return (hi >>> 56) == 0xFF;
    }

    static final int EXTENDED_HEADER = 4; // flags, type, 2-octet length

    /** Bytes of an MP_REACH_NLRI header (attribute header included) before its NLRI. */
    static int reachHeaderSize(Family f, NextHop nh) {
        return EXTENDED_HEADER + 3 + 1 + nextHopLength(f, nh) + 1;
    }

    static int nextHopLength(Family f, NextHop nh) {
        return f == Family.IPV4_UNICAST ? 4 : nh.hasLinkLocal() ? 32 : 16;
    }

    /**
     * Writes MP_REACH_NLRI with prefixes {@code [from, to)} of {@code l}. Always uses the
     * extended length so the header size does not depend on how many prefixes follow.
     */
    static void writeReach(WireWriter w, NlriList l, int from, int to, NextHop nh, boolean addPath) {
        Family f = l.family();
        w.u8(AttrSpec.OPTIONAL | AttrSpec.EXTENDED_LENGTH).u8(AttrType.MP_REACH_NLRI.code());
        int lenAt = w.position();
        w.u16(0).u16(f.afi()).u8(f.safi()).u8(nextHopLength(f, nh));
        if (f == Family.IPV4_UNICAST) {
            w.u32(nh.v4());
        } else {
            w.u64(nh.hi()).u64(nh.lo());
            if (nh.hasLinkLocal()) w.u64(nh.llHi()).u64(nh.llLo());
        }
        w.u8(0);
        for (int i = from; i < to; i++) NlriCodec.write(w, l, i, addPath);
        w.setU16(lenAt, w.position() - lenAt - 2);
    }

    /** Writes MP_UNREACH_NLRI with prefixes {@code [from, to)} of {@code l}; none makes End-of-RIB. */
    static void writeUnreach(WireWriter w, Family f, NlriList l, int from, int to, boolean addPath) {
        w.u8(AttrSpec.OPTIONAL | AttrSpec.EXTENDED_LENGTH).u8(AttrType.MP_UNREACH_NLRI.code());
        int lenAt = w.position();
        w.u16(0).u16(f.afi()).u8(f.safi());
        for (int i = from; i < to; i++) NlriCodec.write(w, l, i, addPath);
        w.setU16(lenAt, w.position() - lenAt - 2);
    }

    static final int UNREACH_HEADER = EXTENDED_HEADER + 3;

}
