package org.bgpd.rib.adjout;

import java.util.Arrays;

/**
 * Owned by the RIB thread; not thread-safe.
 * <p>The messages one drain of an update group sends each member, collected by member position
 * and handed to each member's {@link SessionSink} in one call when the drain ends. A group of M
 * members whose turn yields K messages otherwise makes K × M sink calls (at M = 1,000 route
 * reflector clients each announcing one UPDATE: a million hand-offs to the session threads per
 * turn); batched it makes M. Members join and leave only between drains, so positions are
 * stable while a batch is open.
 */
final class MemberBatches {
    private static final int MIN_CAPACITY = 8;

    private byte[][][] queued = new byte[0][][];
    private int[] counts = new int[0];
    /** Each position's last batch size: the next array starts that large, so it rarely grows. */
    private int[] lastCounts = new int[0];
    private boolean open;

    /** Starts collecting for a group of {@code members} members. */
    void open(int members) {
        if (members > counts.length) {
            int n = Math.max(members, counts.length * 2);
            queued = Arrays.copyOf(queued, n);
            counts = Arrays.copyOf(counts, n);
            lastCounts = Arrays.copyOf(lastCounts, n);
        }
        open = true;
    }

    boolean isOpen() { return open; }

    void add(int position, byte[] message) {
        byte[][] q = queued[position];
        int n = counts[position];
        if (q == null) queued[position] = q = new byte[Math.max(MIN_CAPACITY, lastCounts[position])][];
        else if (n == q.length) queued[position] = q = Arrays.copyOf(q, n * 2);
        q[n] = message;
        counts[position] = n + 1;
    }

    /** Hands every member its messages in one call, in the order they were added, and closes. */
    void close(SessionSink[] sinks, int members) {
        open = false;
        for (int i = 0; i < members; i++) {
            int n = counts[i];
            if (n == 0) continue;
            byte[][] q = queued[i];
            queued[i] = null; // the sink owns it now
            counts[i] = 0;
            lastCounts[i] = n;
            if (n == 1) sinks[i].send(q[0]);
            else sinks[i].send(q, n);
        }
    }
}
