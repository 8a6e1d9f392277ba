package org.bgpd.config.model;

/** Immutable; safe to share. An inclusive range of AS numbers; a single AS has {@code first == last}. */
public record AsRange(long first, long last) {

    public static final long MAX_AS = 4294967295L;

    public AsRange {
        if (first < 1 || last > MAX_AS || first > last) {
            throw new IllegalArgumentException("bad AS range " + first + "-" + last);
        }
    }

    public boolean contains(long as) {
        return as >= first && as <= last;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + "-" + last;
    }
}
