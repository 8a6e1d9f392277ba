package org.bgpd.config.model;

/** Immutable; safe to share. An RFC 8092 large community "GLOBAL:LOCAL1:LOCAL2", each part 0..4294967295. */
public record LargeCommunity(long global, long local1, long local2) {

    public LargeCommunity {
        if ((global | local1 | local2) < 0 || global > 0xFFFFFFFFL || local1 > 0xFFFFFFFFL || local2 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("large community out of range");
        }
    }

    /** Returns null unless {@code text} is three colon-separated 32-bit unsigned numbers. */
    public static LargeCommunity parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        long a = Numbers.parseUnsigned(parts[0], 0xFFFFFFFFL);
        long b = Numbers.parseUnsigned(parts[1], 0xFFFFFFFFL);
        long c = Numbers.parseUnsigned(parts[2], 0xFFFFFFFFL);
        if (a < 0 || b < 0 || c < 0) {
            return null;
        }
        return new LargeCommunity(a, b, c);
    }

    @Override
    public String toString() {
        return global + ":" + local1 + ":" + local2;
    }
}
