package org.bgpd.rib.loop;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.PrefixKeys;

/**
 * Per-channel limits on received prefixes (BIRD's {@code receive limit}, the max-prefix of
 * RFC 4486 §4): counts what the Adj-RIB-In holds after each UPDATE and tells the listener once
 * per crossing. With {@code block} the channel refuses new prefixes once full (replacements and
 * withdrawals still apply). ADD-PATH paths are not counted. The reaction to a crossing (warn,
 * Cease, restart) belongs to the session.
 * Owned by the RIB thread; not thread-safe.
 */
final class PrefixLimits {
    private static final class Limit {
        final long limit;
        final boolean block;
        final PrefixLimitListener listener;
        boolean fired;

        Limit(long limit, boolean block, PrefixLimitListener listener) {
            this.limit = limit;
            this.block = block;
            this.listener = listener;
        }
    }

    private final PrefixKeys keys;
    private final Int2ObjectOpenHashMap<Limit> byChannel = new Int2ObjectOpenHashMap<>();

    PrefixLimits(PrefixKeys keys) { this.keys = keys; }

    /** Sets (or with {@code limit < 0} removes) the channel's limit; a new limit may fire again. */
    void set(int channel, long limit, boolean block, PrefixLimitListener listener) {
        if (limit < 0) byChannel.remove(channel);
        else byChannel.put(channel, new Limit(limit, block, listener));
    }

    /** A new session: the next crossing is reported again. */
    void rearm(int channel) {
        Limit l = byChannel.get(channel);
        if (l != null) l.fired = false;
    }

    /**
     * The announcements the channel may take: all of them, unless it blocks and this UPDATE
     * would take it past its limit; then the prefixes it already holds plus as many new ones as
     * fit. Refusing anything counts as a crossing.
     */
    NlriList admit(int peer, int channel, AdjRibIn in, NlriList announced) {
        Limit l = byChannel.get(channel);
        if (l == null || !l.block || announced == null || announced.hasPathIds()) return announced;
        long room = l.limit - in.size();
        if (room >= announced.size()) return announced;
        boolean v4 = announced.family() == Family.IPV4_UNICAST;
        NlriList.Builder kept = NlriList.builder(announced.family(), false, announced.size());
        int refused = 0, fresh = 0;
        for (int i = 0; i < announced.size(); i++) {
            long key = v4 ? announced.v4(i) : keys.find(Prefix.v6(announced.v6Hi(i), announced.v6Lo(i), announced.v6Length(i)));
            boolean held = key >= 0 && in.get(key) != 0;
            if (!held) fresh++;
            if (!held && room <= 0) {
                refused++;
                continue;
            }
            if (!held) room--;
            if (v4) kept.addV4(announced.v4(i), 0);
            else kept.addV6(announced.v6Hi(i), announced.v6Lo(i), announced.v6Length(i), 0);
        }
        if (refused > 0) fire(l, peer, announced.family(), in.size() + fresh);
        return kept.build();
    }

    /** After an UPDATE was applied: report a count above the limit, re-arm once back under it. */
    void check(int peer, Family f, int channel, AdjRibIn in) {
        Limit l = byChannel.get(channel);
        if (l == null) return;
        int n = in.size();
        if (n > l.limit) fire(l, peer, f, n);
        else if (n < l.limit) l.fired = false;
    }

    private static void fire(Limit l, int peer, Family f, int count) {
        if (l.fired) return;
        l.fired = true;
        l.listener.exceeded(peer, f, l.limit, count);
    }
}
