package org.bgpd.rib.adjout;

import java.util.Arrays;

/**
 * Owned by the RIB thread; not thread-safe.
 * <p>The messages one drain of an update group sends its members, handed to each member's
 * {@link SessionSink} in one call when the drain ends. A group of M members whose turn yields K
 * messages otherwise makes K × M sink calls (at M = 1,000 route reflector clients each
 * announcing one UPDATE: a million hand-offs to the session threads per turn); batched it makes
 * M. The drain's messages are laid end to end in one array shared by every member, and each
 * member gets the runs of it that are its messages: a member that gets all but its own routes
 * gets two runs, so the session thread copies two spans instead of K small messages.
 * Members join and leave only between drains, so positions are stable while a batch is open.
 */
final class MemberBatches {
    private byte[][] messages = new byte[16][];
    private int messageCount;
    private int bytes;
    /** Per member position: message-index runs {@code [start, end)} as pairs. */
    private int[][] runs = new int[0][];
    private int[] runCounts = new int[0];
    private int[] messageCounts = new int[0];
    private boolean open;

    /** Starts collecting for a group of {@code members} members. */
    void open(int members) {
        if (members > runCounts.length) {
            int n = Math.max(members, runCounts.length * 2);
            runs = Arrays.copyOf(runs, n);
            runCounts = Arrays.copyOf(runCounts, n);
            messageCounts = Arrays.copyOf(messageCounts, n);
        }
        open = true;
    }

    boolean isOpen() { return open; }

    /** {@code message} goes to the member at {@code position}; members of one message are added one after another. */
    void add(int position, byte[] message) {
        if (messageCount == 0 || messages[messageCount - 1] != message) {
            if (messageCount == messages.length) messages = Arrays.copyOf(messages, messageCount * 2);
            messages[messageCount++] = message;
            bytes += message.length;
        }
        int k = messageCount - 1;
        int[] r = runs[position];
        int n = runCounts[position];
        if (n > 0 && r[2 * n - 1] == k) {
            r[2 * n - 1] = k + 1;
        } else {
            if (r == null) runs[position] = r = new int[8];
            else if (2 * n + 2 > r.length) runs[position] = r = Arrays.copyOf(r, r.length * 2);
            r[2 * n] = k;
            r[2 * n + 1] = k + 1;
            runCounts[position] = n + 1;
        }
        messageCounts[position]++;
    }

    /** Hands every member its messages in one call, in the order they were added, and closes. */
    void close(SessionSink[] sinks, int members) {
        open = false;
        if (messageCount == 0) return;
        byte[] all = new byte[bytes];
        int[] offsets = new int[messageCount + 1];
        int at = 0;
        for (int k = 0; k < messageCount; k++) {
            byte[] m = messages[k];
            System.arraycopy(m, 0, all, at, m.length);
            offsets[k] = at;
            at += m.length;
        }
        offsets[messageCount] = at;
        for (int i = 0; i < members; i++) {
            int n = runCounts[i];
            if (n == 0) continue;
            int[] r = runs[i];
            runCounts[i] = 0;
            if (messageCounts[i] == 1) { // as encoded: no span bookkeeping for one message
                messageCounts[i] = 0;
                sinks[i].send(messages[r[0]]);
                continue;
            }
            int[] spans = new int[2 * n]; // the sink keeps it
            for (int j = 0; j < n; j++) {
                spans[2 * j] = offsets[r[2 * j]];
                spans[2 * j + 1] = offsets[r[2 * j + 1]] - offsets[r[2 * j]];
            }
            sinks[i].send(all, spans, n, messageCounts[i]);
            messageCounts[i] = 0;
        }
        Arrays.fill(messages, 0, messageCount, null);
        messageCount = 0;
        bytes = 0;
    }
}
