package org.bgpd.rib.table;

/**
 * Packed Loc-RIB candidates: one {@code long} = {@code source << 32 | attrsId}, where the
 * {@code source} word is {@code slot << SLOT_SHIFT | channel}. The slot is 0 for every route of a
 * channel without ADD-PATH receive, so such a route costs nothing extra; with ADD-PATH (RFC 7911)
 * each path of one prefix from one channel gets its own small slot ({@link AdjRibIn} hands them
 * out per prefix), so the decision process sees every path. Attrs id 0 is never handed out, so 0
 * means "no candidate".
 * Immutable helpers; safe from any thread.
 */
public final class Candidates {
    public static final long NONE = 0L;
    /** Bits of the source word that hold the channel ({@link Channels#MAX_PEER} keeps it inside). */
    public static final int SLOT_SHIFT = 21;
    public static final int CHANNEL_MASK = (1 << SLOT_SHIFT) - 1;
    /** Paths one channel may have for one prefix: the slots above the channel bits. */
    public static final int MAX_SLOT = (1 << (32 - SLOT_SHIFT)) - 1;

    private Candidates() {}

    public static long pack(int channel, int attrsId) { return (long) channel << 32 | (attrsId & 0xFFFF_FFFFL); }

    /** A candidate for ADD-PATH slot {@code slot} of a channel. */
    public static long pack(int channel, int slot, int attrsId) { return pack(source(channel, slot), attrsId); }

    /** The source word of a channel's path slot (the channel itself for slot 0). */
    public static int source(int channel, int slot) { return slot << SLOT_SHIFT | channel; }

    /** Which path of which channel: unique among a prefix's candidates. */
    public static int source(long candidate) { return (int) (candidate >>> 32); }

    public static int channel(long candidate) { return (int) (candidate >>> 32) & CHANNEL_MASK; }

    public static int slot(long candidate) { return (int) (candidate >>> 32) >>> SLOT_SHIFT; }

    public static int attrs(long candidate) { return (int) candidate; }

    public static int peer(long candidate) { return Channels.peer(channel(candidate)); }
}
