package org.bgpd.wire;

/**
 * ROUTE-REFRESH (RFC 2918 §3); {@code subtype} is RFC 7313's demarcation: 0 normal request,
 * 1 BoRR, 2 EoRR. Immutable.
 */
public record RouteRefresh(int afi, int subtype, int safi) implements BgpMessage {
    public static final int REQUEST = 0;
    public static final int BORR = 1;
    public static final int EORR = 2;

    @Override
    public int type() { return ROUTE_REFRESH; }

    /** False for subtypes RFC 7313 §5 says to ignore (3..255). */
    public boolean knownSubtype() { return subtype <= EORR; }
}
