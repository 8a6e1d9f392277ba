package org.bgpd.rib.loop;

import java.util.Arrays;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.table.AdjRibIn;

/**
 * Per channel (peer × family, {@link org.bgpd.rib.table.Channels} numbering): its Adj-RIB-In,
 * whether the family is up with the peer, and whether the peer's End-of-RIB arrived. Arrays
 * grown on demand; an Adj-RIB-In stays allocated once opened, so a flapping peer reuses it.
 * Owned by the RIB thread; not thread-safe.
 */
final class ChannelTable {
    private final AttrsTable attrs;
    private AdjRibIn[] in = new AdjRibIn[32];
    private boolean[] up = new boolean[32];
    private boolean[] endOfRib = new boolean[32];

    ChannelTable(AttrsTable attrs) {
        this.attrs = attrs;
    }

    /** Marks the channel up (a new session), creating its Adj-RIB-In the first time; End-of-RIB pending. */
    void open(int ch) {
        if (ch >= in.length) {
            int n = Math.max(ch + 1, in.length * 2);
            in = Arrays.copyOf(in, n);
            up = Arrays.copyOf(up, n);
            endOfRib = Arrays.copyOf(endOfRib, n);
        }
        if (in[ch] == null) in[ch] = new AdjRibIn(attrs);
        up[ch] = true;
    }

    boolean isUp(int ch) { return ch < up.length && up[ch]; }

    void down(int ch) { up[ch] = false; }

    /** The channel's Adj-RIB-In, or null if it was never opened. */
    AdjRibIn in(int ch) { return ch < in.length ? in[ch] : null; }

    boolean endOfRib(int ch) { return ch < endOfRib.length && endOfRib[ch]; }

    void endOfRib(int ch, boolean received) {
        if (ch < endOfRib.length) endOfRib[ch] = received;
    }
}
