package org.bgpd.config.model;

/** Stateless. Decimal parsing without exceptions, shared by the value types. */
public final class Numbers {

    private Numbers() {
    }

    /** Parses plain decimal digits; returns -1 if {@code text} is not a number in 0..max. */
    public static long parseUnsigned(String text, long max) {
        if (text.isEmpty() || text.length() > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                return -1;
            }
        }
        return v;
    }
}
