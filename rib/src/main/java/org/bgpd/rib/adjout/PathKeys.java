package org.bgpd.rib.adjout;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.Channels;

/**
 * Adj-RIB-Out keys of an ADD-PATH send group (RFC 7911): one key per (prefix, source path),
 * {@code prefixKey << 24 | slot << 20 | peer}, so the group's {@link AdjRibOut} stays one flat
 * primitive map and two groups of one family agree on keys. The prefix key fits 40 bits (IPv4
 * packing, or a dense IPv6 id); the peer fits 20 ({@link Channels#MAX_PEER}); the first
 * {@link #SLOTS} paths of a peer per prefix are advertised, further ones are not.
 * The path identifier sent is the candidate's source word, stable for as long as that path
 * exists and unique among the prefix's paths.
 * Immutable helpers; safe from any thread.
 */
public final class PathKeys {
    /** Paths of one peer per prefix that an ADD-PATH group advertises. */
    public static final int SLOTS = 16;

    private PathKeys() {}

    /** The key of a Loc-RIB candidate's path, or -1 when its slot is beyond {@link #SLOTS}. */
    public static long key(long prefixKey, long candidate) {
        int slot = Candidates.slot(candidate);
        if (slot >= SLOTS) return -1;
        return prefixKey << 24 | (long) slot << 20 | Candidates.peer(candidate);
    }

    public static long prefixKey(long key) { return key >>> 24; }

    /** The path identifier sent for {@code key}: the source word of its candidate. */
    public static int pathId(long key, Family f) {
        int slot = (int) (key >>> 20) & (SLOTS - 1);
        int peer = (int) key & Channels.MAX_PEER;
        return Candidates.source(Channels.index(peer, f), slot);
    }
}
