package org.bgpd.rib.adjout;

import java.util.Arrays;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;

/**
 * The attribute changes every export makes before policy: what eBGP and iBGP neighbours must
 * see. Works on {@link Attrs}' canonical bytes (attributes sorted by type code, 4-octet AS_PATH).
 * This is a stop-gap until the codec's AttrsBuilder is merged, which will own attribute edits.
 * Immutable helpers; safe from any thread.
 */
public final class ExportRewrite {
    private static final int AS_PATH = 2;
    private static final int MED = 4;
    private static final int LOCAL_PREF = 5;
    private static final int ORIGINATOR_ID = 9;
    private static final int CLUSTER_LIST = 10;
    private static final int AS_SEQUENCE = 2;
    private static final int FLAG_OPTIONAL = 0x80;
    private static final int FLAG_TRANSITIVE = 0x40;
    private static final int FLAG_EXTENDED = 0x10;

    private ExportRewrite() {}

    /**
     * To an eBGP neighbour: prepend our AS (RFC 4271 §5.1.2), next hop self (§5.1.3), no
     * LOCAL_PREF (§5.1.5), no ORIGINATOR_ID / CLUSTER_LIST (RFC 4456 §8: they stay inside the
     * AS), and no MED received from another AS (§5.1.4) unless we set it ourselves.
     */
    public static Attrs toEbgp(Attrs in, int localAs, boolean keepMed) {
        int strip = 1 << LOCAL_PREF | 1 << ORIGINATOR_ID | 1 << CLUSTER_LIST | (keepMed ? 0 : 1 << MED);
        byte[] wire = edit(in.wire(), true, localAs, strip, -1);
        int flags = in.flags() & ~(Attrs.HAS_LOCAL_PREF | Attrs.HAS_ORIGINATOR_ID | (keepMed ? 0 : Attrs.HAS_MED));
        return new Attrs(wire, NextHop.SELF, in.origin(), in.asPathLength() + 1, localAs,
                in.originAs() == 0 ? localAs : in.originAs(), keepMed ? in.med() : 0, 0, 0, 0, flags);
    }

    /** To an iBGP neighbour: LOCAL_PREF must be present (RFC 4271 §5.1.5); otherwise unchanged. */
    public static Attrs toIbgp(Attrs in, long defaultLocalPref) {
        if (in.has(Attrs.HAS_LOCAL_PREF)) return in;
        byte[] wire = edit(in.wire(), false, 0, 0, defaultLocalPref);
        return new Attrs(wire, in.nextHop(), in.origin(), in.asPathLength(), in.neighborAs(), in.originAs(), in.med(),
                (int) defaultLocalPref, in.originatorId(), in.clusterListLength(), in.flags() | Attrs.HAS_LOCAL_PREF);
    }

    /**
     * Copies canonical attribute bytes, dropping types in {@code strip} (a bit per type code
     * below 32), optionally prepending {@code as} to AS_PATH and adding LOCAL_PREF when absent
     * ({@code localPref < 0}: do not add). Keeps the type-code order.
     */
    static byte[] edit(byte[] in, boolean prepend, int as, int strip, long localPref) {
        byte[] out = new byte[in.length + 24];
        int o = 0;
        boolean asDone = !prepend;
        boolean lpDone = localPref < 0;
        int i = 0;
        while (i < in.length) {
            int flags = in[i] & 0xFF;
            int type = in[i + 1] & 0xFF;
            boolean ext = (flags & FLAG_EXTENDED) != 0;
            int len = ext ? (in[i + 2] & 0xFF) << 8 | (in[i + 3] & 0xFF) : in[i + 2] & 0xFF;
            int body = i + (ext ? 4 : 3);
            if (body + len > in.length) throw new IllegalStateException("canonical attribute bytes overrun at type " + type);
            if (!asDone && type > AS_PATH) {
                o = writeAsPath(out, o, FLAG_TRANSITIVE, in, 0, 0, as);
                asDone = true;
            }
            if (!lpDone && type > LOCAL_PREF) {
                o = writeLocalPref(out, o, localPref);
                lpDone = true;
            }
            if (type < 32 && (strip & 1 << type) != 0) {
                // dropped
            } else if (type == AS_PATH && !asDone) {
                o = writeAsPath(out, o, flags, in, body, len, as);
                asDone = true;
            } else {
                if (type == LOCAL_PREF) lpDone = true;
                if (o + body + len - i > out.length) out = Arrays.copyOf(out, out.length * 2 + body + len - i);
                System.arraycopy(in, i, out, o, body + len - i);
                o += body + len - i;
            }
            i = body + len;
        }
        if (!asDone) o = writeAsPath(out, o, FLAG_TRANSITIVE, in, 0, 0, as);
        if (!lpDone) o = writeLocalPref(out, o, localPref);
        return Arrays.copyOf(out, o);
    }

    /** AS_PATH with {@code as} in front: into the leading AS_SEQUENCE when it has room, else a new segment. */
    private static int writeAsPath(byte[] out, int o, int flags, byte[] in, int body, int len, int as) {
        boolean joinFirst = len >= 2 && in[body] == AS_SEQUENCE && (in[body + 1] & 0xFF) < 255;
        int newLen = len + (joinFirst ? 4 : 6);
        o = header(out, o, flags, AS_PATH, newLen);
        out[o++] = AS_SEQUENCE;
        if (joinFirst) {
            out[o++] = (byte) ((in[body + 1] & 0xFF) + 1);
            o = putInt(out, o, as);
            System.arraycopy(in, body + 2, out, o, len - 2);
            o += len - 2;
        } else {
            out[o++] = 1;
            o = putInt(out, o, as);
            System.arraycopy(in, body, out, o, len);
            o += len;
        }
        return o;
    }

    private static int writeLocalPref(byte[] out, int o, long localPref) {
        o = header(out, o, FLAG_TRANSITIVE, LOCAL_PREF, 4);
        return putInt(out, o, (int) localPref);
    }

    private static int header(byte[] out, int o, int flags, int type, int len) {
        boolean ext = len > 255;
        out[o++] = (byte) ((flags & ~FLAG_EXTENDED & (FLAG_OPTIONAL | FLAG_TRANSITIVE | 0x20)) | (ext ? FLAG_EXTENDED : 0));
        out[o++] = (byte) type;
        if (ext) out[o++] = (byte) (len >>> 8);
        out[o++] = (byte) len;
        return o;
    }

    private static int putInt(byte[] out, int o, int v) {
        out[o++] = (byte) (v >>> 24);
        out[o++] = (byte) (v >>> 16);
        out[o++] = (byte) (v >>> 8);
        out[o++] = (byte) v;
        return o;
    }
}
