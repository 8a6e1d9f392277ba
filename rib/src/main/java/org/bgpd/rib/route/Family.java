package org.bgpd.rib.route;

/**
 * An address family: AFI/SAFI pair (RFC 4760 §2). Immutable.
 * Only unicast is carried; other pairs are refused at capability negotiation.
 */
public enum Family {
    IPV4_UNICAST(1, 1, "ipv4"),
    IPV6_UNICAST(2, 1, "ipv6");

    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int SAFI_UNICAST = 1;

    private final int afi;
    private final int safi;
    private final String shortName;

    Family(int afi, int safi, String shortName) {
        this.afi = afi;
        this.safi = safi;
        this.shortName = shortName;
    }

    public int afi() { return afi; }

    public int safi() { return safi; }

    /** "ipv4" / "ipv6", as BIRD names its channels and our config names families. */
    public String shortName() { return shortName; }

    /** Address length in bytes. */
    public int addressBytes() { return afi == AFI_IPV4 ? 4 : 16; }

    public int maxLength() { return afi == AFI_IPV4 ? 32 : 128; }

    /** The family for an AFI/SAFI pair, or null if we do not carry it. */
    public static Family of(int afi, int safi) {
        if (safi != SAFI_UNICAST) return null;
        return switch (afi) {
            case AFI_IPV4 -> IPV4_UNICAST;
            case AFI_IPV6 -> IPV6_UNICAST;
            default -> null;
        };
    }

    public static Family byShortName(String name) {
        for (Family f : values()) if (f.shortName.equals(name)) return f;
        return null;
    }
}
