package org.bgpd.rib.table;

/**
 * Packed Loc-RIB candidates: one {@code long} = {@code channel << 32 | attrsId}. Attrs id 0 is
 * never handed out, so 0 means "no candidate".
 * Immutable helpers; safe from any thread.
 */
public final class Candidates {
    public static final long NONE = 0L;

    private Candidates() {}

    public static long pack(int channel, int attrsId) { return (long) channel << 32 | (attrsId & 0xFFFF_FFFFL); }

    public static int channel(long candidate) { return (int) (candidate >>> 32); }

    public static int attrs(long candidate) { return (int) candidate; }

    public static int peer(long candidate) { return Channels.peer(channel(candidate)); }
}
