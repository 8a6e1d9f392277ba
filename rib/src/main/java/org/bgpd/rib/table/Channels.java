package org.bgpd.rib.table;

import org.bgpd.rib.route.Family;

/**
 * Channel numbering: a channel is one peer bound to one {@link Family} (BIRD's term). Its index
 * is {@code peer * 2 + family.ordinal()}, so a candidate can name its peer without a lookup.
 * Immutable helpers; safe from any thread.
 */
public final class Channels {
    /**
     * Peers are limited so that a channel index fits the 21 low bits of a candidate's source
     * word, the rest holding ADD-PATH slots ({@link Candidates}): a million peers.
     */
    public static final int MAX_PEER = (1 << 20) - 1;

    private Channels() {}

    public static int index(int peer, Family family) { return peer << 1 | family.ordinal(); }

    public static int peer(int channel) { return channel >>> 1; }

    public static Family family(int channel) { return Family.values()[channel & 1]; }
}
