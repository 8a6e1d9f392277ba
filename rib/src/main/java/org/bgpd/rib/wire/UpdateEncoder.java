package org.bgpd.rib.wire;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;

/**
 * Encodes UPDATE bodies (RFC 4271 §4.3) for one {@link EncodeContext}: announcements under one
 * attribute set, withdrawals and End-of-RIB markers. IPv4 goes in the classic fields with
 * NEXT_HOP, IPv6 in MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760). Each call packs as many prefixes
 * as fit in the maximum message size and starts another message for the rest, so every prefix
 * appears exactly once. Bodies go to an {@link UpdateSink} from a reused buffer; {@link #message}
 * adds the 19-byte header. Encoding a prefix never allocates.
 * Not thread-safe: one per thread (or per update group on the RIB thread).
 */
public final class UpdateEncoder {
    private final EncodeContext ctx;
    private final WireWriter w;

    public UpdateEncoder(EncodeContext ctx) {
        this.ctx = ctx;
        this.w = new WireWriter(ctx.maxBody());
    }

    public EncodeContext context() { return ctx; }

    /**
     * Announces {@code nlri} with {@code attrs}. A next hop of SELF takes the context's address.
     * Throws IllegalArgumentException when the attributes alone leave no room for one prefix, or
     * the next hop is of another family: both are the caller's bugs, not peer input.
     */
    public void announce(Attrs attrs, NlriList nlri, UpdateSink sink) {
        if (nlri.isEmpty()) return;
        Family f = nlri.family();
        AttrBlock block = AttrBlock.of(attrs, f, ctx);
        boolean addPath = ctx.addPath(f);
        byte[] a = block.bytes();
        int fixed = 4 + a.length + (f == Family.IPV4_UNICAST ? 0 : MpReachCodec.reachHeaderSize(f, block.nextHop()));
        int max = ctx.maxBody();
        if (fixed + NlriCodec.size(nlri, 0, addPath) > max) throw new IllegalArgumentException("attributes of " + a.length + " octets leave no room for NLRI");
        int i = 0, n = nlri.size();
        while (i < n) {
            int to = fit(nlri, i, fixed, max, addPath);
            w.truncate(0);
            w.u16(0);
            int attrLenAt = w.position();
            w.u16(0);
            if (f == Family.IPV4_UNICAST) {
                w.bytes(a);
                w.setU16(attrLenAt, a.length);
                for (int k = i; k < to; k++) NlriCodec.write(w, nlri, k, addPath);
            } else {
                w.bytes(a, 0, block.mpAt());
                MpReachCodec.writeReach(w, nlri, i, to, block.nextHop(), addPath);
                w.bytes(a, block.mpAt(), a.length - block.mpAt());
                w.setU16(attrLenAt, w.position() - attrLenAt - 2);
            }
            sink.update(w.array(), 0, w.position());
            i = to;
        }
    }

    /** Withdraws {@code nlri}: the Withdrawn Routes field for IPv4, MP_UNREACH_NLRI for IPv6. */
    public void withdraw(NlriList nlri, UpdateSink sink) {
        if (nlri.isEmpty()) return;
        Family f = nlri.family();
        boolean addPath = ctx.addPath(f);
        boolean v4 = f == Family.IPV4_UNICAST;
        int fixed = 4 + (v4 ? 0 : MpReachCodec.UNREACH_HEADER);
        int i = 0, n = nlri.size();
        while (i < n) {
            int to = fit(nlri, i, fixed, ctx.maxBody(), addPath);
            w.truncate(0);
            if (v4) {
                w.u16(0);
                for (int k = i; k < to; k++) NlriCodec.write(w, nlri, k, addPath);
                w.setU16(0, w.position() - 2);
                w.u16(0);
            } else {
                w.u16(0).u16(0);
                MpReachCodec.writeUnreach(w, f, nlri, i, to, addPath);
                w.setU16(2, w.position() - 4);
            }
            sink.update(w.array(), 0, w.position());
            i = to;
        }
    }

    /** RFC 4724 §2: an empty UPDATE for IPv4; an empty MP_UNREACH_NLRI for other families. */
    public void endOfRib(Family f, UpdateSink sink) {
        w.truncate(0);
        w.u16(0);
        if (f == Family.IPV4_UNICAST) {
            w.u16(0);
        } else {
            w.u16(6).u8(AttrSpec.OPTIONAL).u8(AttrType.MP_UNREACH_NLRI.code()).u8(3).u16(f.afi()).u8(f.safi());
        }
        sink.update(w.array(), 0, w.position());
    }

    /** {@link #announce(Attrs, NlriList, UpdateSink)} collecting copies of the bodies. */
    public List<byte[]> announce(Attrs attrs, NlriList nlri) {
        List<byte[]> out = new ArrayList<>(1);
        announce(attrs, nlri, collect(out));
        return out;
    }

    public List<byte[]> withdraw(NlriList nlri) {
        List<byte[]> out = new ArrayList<>(1);
        withdraw(nlri, collect(out));
        return out;
    }

    public byte[] endOfRib(Family f) {
        List<byte[]> out = new ArrayList<>(1);
        endOfRib(f, collect(out));
        return out.getFirst();
    }

    /** A full message: 16 marker octets of 0xFF, the length, type 2 (UPDATE), then the body. */
    public static byte[] message(byte[] body, int off, int len) {
        byte[] m = new byte[EncodeContext.HEADER_SIZE + len];
        writeHeader(m, 0, len);
        System.arraycopy(body, off, m, EncodeContext.HEADER_SIZE, len);
        return m;
    }

    public static byte[] message(byte[] body) { return message(body, 0, body.length); }

    /** Writes the 19-byte UPDATE header for a body of {@code bodyLen} octets at {@code dst[at]}. */
    public static void writeHeader(byte[] dst, int at, int bodyLen) {
        for (int i = 0; i < 16; i++) dst[at + i] = (byte) 0xFF;
        int total = EncodeContext.HEADER_SIZE + bodyLen;
        dst[at + 16] = (byte) (total >>> 8);
        dst[at + 17] = (byte) total;
        dst[at + 18] = 2;
    }

    /** The end (exclusive) of the run of prefixes from {@code i} that fits after {@code fixed} octets. */
    private static int fit(NlriList l, int i, int fixed, int max, boolean addPath) {
        int used = fixed, n = l.size(), k = i;
        while (k < n) {
            int s = NlriCodec.size(l, k, addPath);
            if (used + s > max) break;
            used += s;
            k++;
        }
        return k;
    }

    private static UpdateSink collect(List<byte[]> out) {
        return (b, off, len) -> out.add(java.util.Arrays.copyOfRange(b, off, off + len));
    }
}
