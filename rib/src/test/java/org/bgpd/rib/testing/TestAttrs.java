package org.bgpd.rib.testing;

import java.io.ByteArrayOutputStream;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;

/**
 * Builds {@link Attrs} with real canonical bytes for the fields tests vary, so that two sets
 * with different decision fields never intern to one id (equality is next hop plus bytes).
 * Not thread-safe.
 */
public final class TestAttrs {
    private NextHop nextHop = NextHop.v4(0x0A00_0001);
    private int origin = Attrs.ORIGIN_IGP;
    private int[] path = {};
    private Long med;
    private Long localPref;
    private Integer originator;
    private int clusterLength;
    private int community; // 0: none
    private int flags;

    public static TestAttrs attrs() { return new TestAttrs(); }

    public TestAttrs nextHop(String nh) { nextHop = nh.equals("self") ? NextHop.SELF : NextHop.parse(nh); return this; }

    public TestAttrs origin(int o) { origin = o; return this; }

    public TestAttrs path(int... asns) { path = asns.clone(); return this; }

    public TestAttrs med(long m) { med = m; return this; }

    public TestAttrs localPref(long lp) { localPref = lp; return this; }

    public TestAttrs originator(int id) { originator = id; return this; }

    public TestAttrs clusterLength(int n) { clusterLength = n; return this; }

    /** A community value; NO_EXPORT, NO_ADVERTISE, LLGR_STALE and NO_LLGR set their flags. */
    public TestAttrs community(int c) {
        community = c;
        if (c == 0xFFFF_FF01) flags |= Attrs.NO_EXPORT;
        if (c == 0xFFFF_FF02) flags |= Attrs.NO_ADVERTISE;
        if (c == 0xFFFF_0006) flags |= Attrs.LLGR_STALE;
        if (c == 0xFFFF_0007) flags |= Attrs.NO_LLGR;
        return this;
    }

    public Attrs build() {
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        attr(w, 0x40, 1, new byte[] {(byte) origin});
        byte[] seg = new byte[path.length == 0 ? 0 : 2 + 4 * path.length];
        if (path.length > 0) {
            seg[0] = 2;
            seg[1] = (byte) path.length;
            for (int i = 0; i < path.length; i++) putInt(seg, 2 + 4 * i, path[i]);
        }
        attr(w, 0x40, 2, seg);
        int f = flags;
        if (med != null) { attr(w, 0x80, 4, intBytes(med.intValue())); f |= Attrs.HAS_MED; }
        if (localPref != null) { attr(w, 0x40, 5, intBytes(localPref.intValue())); f |= Attrs.HAS_LOCAL_PREF; }
        if (community != 0) attr(w, 0xC0, 8, intBytes(community));
        if (originator != null) { attr(w, 0x80, 9, intBytes(originator)); f |= Attrs.HAS_ORIGINATOR_ID; }
        if (clusterLength > 0) {
            byte[] cl = new byte[4 * clusterLength];
            for (int i = 0; i < clusterLength; i++) putInt(cl, 4 * i, 0x0A00_0000 + i);
            attr(w, 0x80, 10, cl);
        }
        return new Attrs(w.toByteArray(), nextHop, origin, path.length, path.length == 0 ? 0 : path[0],
                path.length == 0 ? 0 : path[path.length - 1], med == null ? 0 : med.intValue(),
                localPref == null ? 0 : localPref.intValue(), originator == null ? 0 : originator, clusterLength, f);
    }

    private static void attr(ByteArrayOutputStream w, int flags, int type, byte[] body) {
        boolean ext = body.length > 255;
        w.write(flags | (ext ? 0x10 : 0));
        w.write(type);
        if (ext) w.write(body.length >>> 8);
        w.write(body.length & 0xFF);
        w.writeBytes(body);
    }

    private static byte[] intBytes(int v) {
        byte[] b = new byte[4];
        putInt(b, 0, v);
        return b;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
