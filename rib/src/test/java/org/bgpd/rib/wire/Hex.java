package org.bgpd.rib.wire;

import java.util.HexFormat;

/** Test helpers: hex literals with spaces, and UPDATE bodies assembled from their three sections. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) { return HexFormat.of().parseHex(hex.replaceAll("\\s+", "")); }

    static String of(byte[] b) { return HexFormat.of().formatHex(b); }

    /** An UPDATE body with the two length fields computed. */
    static byte[] update(String withdrawn, String attrs, String nlri) {
        byte[] w = bytes(withdrawn), a = bytes(attrs), n = bytes(nlri);
        byte[] out = new byte[4 + w.length + a.length + n.length];
        out[0] = (byte) (w.length >>> 8);
        out[1] = (byte) w.length;
        System.arraycopy(w, 0, out, 2, w.length);
        out[2 + w.length] = (byte) (a.length >>> 8);
        out[3 + w.length] = (byte) a.length;
        System.arraycopy(a, 0, out, 4 + w.length, a.length);
        System.arraycopy(n, 0, out, 4 + w.length + a.length, n.length);
        return out;
    }

    // attribute snippets used across tests
    static final String ORIGIN_IGP = "40 01 01 00";
    static final String AS_PATH_65001 = "40 02 06 02 01 0000fde9";
    static final String NEXT_HOP_192_0_2_1 = "40 03 04 c0000201";
    static final String BASE = ORIGIN_IGP + AS_PATH_65001 + NEXT_HOP_192_0_2_1;
    static final String NLRI_10_0_0_0_24 = "18 0a0000";
}
