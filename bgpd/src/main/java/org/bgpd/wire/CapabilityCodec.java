package org.bgpd.wire;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.bgpd.rib.wire.WireReader;
import org.bgpd.rib.wire.WireWriter;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>Capability TLVs inside an OPEN's capabilities optional parameter (RFC 5492 §4).
 *
 * <p>A known capability whose value has the wrong length is an OPEN Message Error with
 * subcode 0 (unspecific) and no data, as BIRD does: RFC 5492 defines no subcode for it, and
 * ignoring a capability the peer clearly meant to send (say, a 3-byte 4-octet-AS) would
 * negotiate something neither side intended. Unknown codes are kept as bytes (§4: ignored).
 */
public final class CapabilityCodec {
    /** Pre-standard route refresh code that Cisco and others still send alongside code 2. */
    public static final int ROUTE_REFRESH_OLD = 128;

    private static final int GR_RESTARTING = 0x80;
    private static final int GR_NOTIFICATION = 0x40;
    private static final int AF_FORWARDING = 0x80;

    private CapabilityCodec() {}

    /** Appends the capabilities in {@code r} to {@code out}; returns null or the error. */
    public static WireError decode(WireReader r, List<Capability> out) {
        while (r.hasRemaining()) {
            int code = r.u8();
            int len = r.u8();
            if (r.overrun() || len > r.remaining()) return malformed("capability " + code + " runs past its parameter");
            WireReader v = r.slice(len);
            Capability c = decodeOne(code, len, v);
            if (c == null) return malformed("capability " + code + " has a malformed value of " + len + " bytes");
            out.add(c);
        }
        return null;
    }

    private static Capability decodeOne(int code, int len, WireReader v) {
        switch (code) {
            case Capability.MULTIPROTOCOL: {
                if (len != 4) return null;
                int afi = v.u16();
                v.skip(1); // reserved (RFC 4760 §8)
                return new Capability.Multiprotocol(afi, v.u8());
            }
            case Capability.ROUTE_REFRESH, ROUTE_REFRESH_OLD:
                return len == 0 ? new Capability.RouteRefreshCap() : null;
            case Capability.ENHANCED_ROUTE_REFRESH:
                return len == 0 ? new Capability.EnhancedRouteRefresh() : null;
            case Capability.EXTENDED_MESSAGE:
                return len == 0 ? new Capability.ExtendedMessage() : null;
            case Capability.FOUR_OCTET_AS:
                return len == 4 ? new Capability.FourOctetAs(v.u32() & 0xFFFF_FFFFL) : null;
            case Capability.GRACEFUL_RESTART:
                return len % 4 == 2 ? gracefulRestart(v) : null;
            case Capability.LONG_LIVED_GR:
                return len % 7 == 0 ? longLivedGr(v) : null;
            case Capability.ADD_PATH:
                return len % 4 == 0 ? addPath(v) : null;
            case Capability.EXTENDED_NEXT_HOP:
                return len % 6 == 0 ? extendedNextHop(v) : null;
            default:
                return new Capability.Unknown(code, v.bytes(len));
        }
    }

    /** RFC 4724 §3: flags in the top 4 bits and a 12-bit restart time, then AFI/SAFI/flags. */
    private static Capability gracefulRestart(WireReader v) {
        int flagsAndTime = v.u16();
        List<Capability.GrFamily> families = new ArrayList<>(v.remaining() / 4);
        while (v.hasRemaining()) {
            int afi = v.u16();
            int safi = v.u8();
            families.add(new Capability.GrFamily(afi, safi, (v.u8() & AF_FORWARDING) != 0));
        }
        return new Capability.GracefulRestart(
                (flagsAndTime >>> 8 & GR_RESTARTING) != 0,
                (flagsAndTime >>> 8 & GR_NOTIFICATION) != 0,
                flagsAndTime & 0x0FFF,
                families);
    }

    /** RFC 9494 §2: AFI, SAFI, flags, 24-bit long-lived stale time, per family. */
    private static Capability longLivedGr(WireReader v) {
        List<Capability.LlgrFamily> families = new ArrayList<>(v.remaining() / 7);
        while (v.hasRemaining()) {
            int afi = v.u16();
            int safi = v.u8();
            boolean f = (v.u8() & AF_FORWARDING) != 0;
            int stale = v.u8() << 16 | v.u16();
            families.add(new Capability.LlgrFamily(afi, safi, f, stale));
        }
        return new Capability.LongLivedGracefulRestart(families);
    }

    /** RFC 7911 §4: AFI, SAFI, send/receive (1 receive, 2 send, 3 both). */
    private static Capability addPath(WireReader v) {
        List<Capability.AddPathFamily> families = new ArrayList<>(v.remaining() / 4);
        while (v.hasRemaining()) {
            int afi = v.u16();
            int safi = v.u8();
            int mode = v.u8();
            families.add(new Capability.AddPathFamily(afi, safi, (mode & 1) != 0, (mode & 2) != 0));
        }
        return new Capability.AddPath(families);
    }

    /** RFC 8950 §3: NLRI AFI (2), NLRI SAFI (2), next-hop AFI (2). */
    private static Capability extendedNextHop(WireReader v) {
        List<Capability.ExtendedNextHopFamily> families = new ArrayList<>(v.remaining() / 6);
        while (v.hasRemaining()) families.add(new Capability.ExtendedNextHopFamily(v.u16(), v.u16(), v.u16()));
        return new Capability.ExtendedNextHop(families);
    }

    private static WireError malformed(String reason) { return new WireError(2, 0, null, reason); }

    /**
     * Writes one capability TLV. A value over 255 bytes cannot be expressed (RFC 5492 §4 has a
     * one-octet length) and is a caller bug.
     */
    public static void encode(Capability c, WireWriter w) {
        w.u8(c.code() & 0xFF);
        int lenAt = w.position();
        w.u8(0);
        switch (c) {
            case Capability.Multiprotocol m -> w.u16(m.afi()).u8(0).u8(m.safi());
            case Capability.RouteRefreshCap r -> { }
            case Capability.EnhancedRouteRefresh e -> { }
            case Capability.ExtendedMessage e -> { }
            case Capability.FourOctetAs a -> w.u32((int) a.as());
            case Capability.GracefulRestart g -> {
                int flags = (g.restarting() ? GR_RESTARTING : 0) | (g.notification() ? GR_NOTIFICATION : 0);
                w.u16(flags << 8 | g.restartTime() & 0x0FFF);
                for (Capability.GrFamily f : g.families()) {
                    w.u16(f.afi()).u8(f.safi()).u8(f.forwardingPreserved() ? AF_FORWARDING : 0);
                }
            }
            case Capability.LongLivedGracefulRestart l -> {
                for (Capability.LlgrFamily f : l.families()) {
                    w.u16(f.afi()).u8(f.safi()).u8(f.forwardingPreserved() ? AF_FORWARDING : 0);
                    w.u8(f.staleTime() >>> 16).u16(f.staleTime());
                }
            }
            case Capability.AddPath a -> {
                for (Capability.AddPathFamily f : a.families()) {
                    w.u16(f.afi()).u8(f.safi()).u8((f.receive() ? 1 : 0) | (f.send() ? 2 : 0));
                }
            }
            case Capability.ExtendedNextHop e -> {
                for (Capability.ExtendedNextHopFamily f : e.families()) {
                    w.u16(f.nlriAfi()).u16(f.nlriSafi()).u16(f.nextHopAfi());
                }
            }
            case Capability.Unknown u -> w.bytes(u.value());
        }
        int len = w.position() - lenAt - 1;
        if (len > 255) throw new IllegalArgumentException("capability " + c.code() + " value is " + len + " bytes, over 255");
        w.setU8(lenAt, len);
    }
}
