package org.bgpd.rib.wire;

/**
 * A path-attribute type code as an open enum (the Netty {@code DnsRecordType} idea): named
 * constants for the codes we understand and a cached instance for every other code, because
 * unknown optional attributes must be carried or dropped, never rejected (RFC 4271 §5).
 * Immutable; safe to share.
 */
public final class AttrType {
    private static final AttrType[] BY_CODE = new AttrType[256];

    public static final AttrType ORIGIN = define(1, "ORIGIN");
    public static final AttrType AS_PATH = define(2, "AS_PATH");
    public static final AttrType NEXT_HOP = define(3, "NEXT_HOP");
    public static final AttrType MED = define(4, "MULTI_EXIT_DISC");
    public static final AttrType LOCAL_PREF = define(5, "LOCAL_PREF");
    public static final AttrType ATOMIC_AGGREGATE = define(6, "ATOMIC_AGGREGATE");
    public static final AttrType AGGREGATOR = define(7, "AGGREGATOR");
    public static final AttrType COMMUNITIES = define(8, "COMMUNITIES");
    public static final AttrType ORIGINATOR_ID = define(9, "ORIGINATOR_ID");
    public static final AttrType CLUSTER_LIST = define(10, "CLUSTER_LIST");
    public static final AttrType MP_REACH_NLRI = define(14, "MP_REACH_NLRI");
    public static final AttrType MP_UNREACH_NLRI = define(15, "MP_UNREACH_NLRI");
    public static final AttrType EXTENDED_COMMUNITIES = define(16, "EXTENDED_COMMUNITIES");
    public static final AttrType AS4_PATH = define(17, "AS4_PATH");
    public static final AttrType AS4_AGGREGATOR = define(18, "AS4_AGGREGATOR");
    public static final AttrType LARGE_COMMUNITIES = define(32, "LARGE_COMMUNITIES");

    static {
        for (int c = 0; c < 256; c++) if (BY_CODE[c] == null) BY_CODE[c] = new AttrType(c, "ATTR_" + c, false);
    }

    private final int code;
    private final String name;
    private final boolean known;

    private AttrType(int code, String name, boolean known) {
        this.code = code;
        this.name = name;
        this.known = known;
    }

    private static AttrType define(int code, String name) {
        AttrType t = new AttrType(code, name, true);
        BY_CODE[code] = t;
        return t;
    }

    /** The instance for a code 0..255; unknown codes get a stable placeholder instance. */
    public static AttrType of(int code) { return BY_CODE[code & 0xFF]; }

    public int code() { return code; }

    public String name() { return name; }

    /** True for the codes this codec understands. */
    public boolean known() { return known; }

    @Override
    public String toString() { return name; }
}
