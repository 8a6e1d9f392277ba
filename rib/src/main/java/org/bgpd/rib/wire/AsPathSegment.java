package org.bgpd.rib.wire;

import java.util.Arrays;

/**
 * One AS_PATH segment (RFC 4271 §4.3, RFC 5065 §3): its type and AS numbers (unsigned 32-bit
 * values in ints). Immutable by convention: callers must not modify {@code asns}.
 */
public record AsPathSegment(int type, int[] asns) {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;

    public static AsPathSegment sequence(int... asns) { return new AsPathSegment(AS_SEQUENCE, asns); }

    public static AsPathSegment set(int... asns) { return new AsPathSegment(AS_SET, asns); }

    public boolean isConfed() { return type == AS_CONFED_SEQUENCE || type == AS_CONFED_SET; }

    /** Contribution to the path length for best-path selection (RFC 4271 §9.1.2.2 a, RFC 5065 §5.3). */
    public int pathLength() {
        return switch (type) {
            case AS_SEQUENCE -> asns.length;
            case AS_SET -> 1;
            default -> 0;
        };
    }

    @Override
    public boolean equals(Object o) { return o instanceof AsPathSegment s && s.type == type && Arrays.equals(s.asns, asns); }

    @Override
    public int hashCode() { return 31 * type + Arrays.hashCode(asns); }

    @Override
    public String toString() { return type + Arrays.toString(asns); }
}
