package org.bgpd.config.model;

import java.util.Map;

/**
 * Immutable; safe to share. An RFC 1997 community, written "ASN:VALUE" (each 0..65535) or as a
 * well-known name (RFC 1997, RFC 7999, RFC 8326, RFC 8642, RFC 9494).
 */
public record Community(long value) {

    private static final Map<String, Long> WELL_KNOWN = Map.of(
            "graceful-shutdown", 0xFFFF0000L,
            "llgr-stale", 0xFFFF0006L,
            "no-llgr", 0xFFFF0007L,
            "blackhole", 0xFFFF029AL,
            "no-export", 0xFFFFFF01L,
            "no-advertise", 0xFFFFFF02L,
            "no-export-subconfed", 0xFFFFFF03L,
            "no-peer", 0xFFFFFF04L);

    public Community {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("community out of range");
        }
    }

    /** Returns null if {@code text} is neither "a:b" with 16-bit parts nor a well-known name. */
    public static Community parse(String text) {
        Long known = WELL_KNOWN.get(text);
        if (known != null) {
            return new Community(known);
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            return null;
        }
        long hi = Numbers.parseUnsigned(parts[0], 0xFFFF);
        long lo = Numbers.parseUnsigned(parts[1], 0xFFFF);
        if (hi < 0 || lo < 0) {
            return null;
        }
        return new Community((hi << 16) | lo);
    }

    @Override
    public String toString() {
        for (Map.Entry<String, Long> e : WELL_KNOWN.entrySet()) {
            if (e.getValue() == value) {
                return e.getKey();
            }
        }
        return (value >>> 16) + ":" + (value & 0xFFFF);
    }
}
