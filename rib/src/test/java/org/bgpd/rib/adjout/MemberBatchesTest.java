package org.bgpd.rib.adjout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemberBatchesTest {

    /** Only the single-message method: batches arrive through the interface's default split. */
    private static final class MessageSink implements SessionSink {
        final List<byte[]> messages = new ArrayList<>();

        @Override
        public void send(byte[] message) { messages.add(message); }
    }

    /** Remembers each batch call as it came. */
    private static final class SpanSink implements SessionSink {
        final List<byte[]> arrays = new ArrayList<>();
        final List<int[]> spans = new ArrayList<>();
        final List<Integer> runs = new ArrayList<>(), counts = new ArrayList<>();

        @Override
        public void send(byte[] message) { throw new AssertionError("a batch is one call"); }

        @Override
        public void send(byte[] bytes, int[] spans, int runs, int messages) {
            arrays.add(bytes);
            this.spans.add(spans);
            this.runs.add(runs);
            counts.add(messages);
        }
    }

    /** A framed message (marker, length, type 2) of {@code size} bytes with a recognisable body. */
    private static byte[] message(int size, int fill) {
        byte[] m = new byte[size];
        for (int i = 0; i < 16; i++) m[i] = (byte) 0xFF;
        m[16] = (byte) (size >> 8);
        m[17] = (byte) size;
        m[18] = 2;
        for (int i = 19; i < size; i++) m[i] = (byte) fill;
        return m;
    }

    @Test
    void eachMemberGetsExactlyItsMessagesInOrder() {
        Random random = new Random(7);
        int members = 5;
        byte[][] m = new byte[40][];
        for (int i = 0; i < m.length; i++) m[i] = message(19 + random.nextInt(200), i);
        MessageSink[] sinks = new MessageSink[members];
        for (int i = 0; i < members; i++) sinks[i] = new MessageSink();
        List<List<byte[]>> expected = new ArrayList<>();
        for (int i = 0; i < members; i++) expected.add(new ArrayList<>());
        MemberBatches batches = new MemberBatches();
        batches.open(members);
        assertTrue(batches.isOpen());
        for (byte[] msg : m) {
            for (int p = 0; p < members; p++) {
                if (random.nextInt(3) == 0) continue;
                batches.add(p, msg);
                expected.get(p).add(msg);
            }
        }
        batches.close(sinks, members);
        assertFalse(batches.isOpen());
        for (int p = 0; p < members; p++) {
            assertEquals(expected.get(p).size(), sinks[p].messages.size(), "member " + p);
            for (int i = 0; i < expected.get(p).size(); i++) assertArrayEquals(expected.get(p).get(i), sinks[p].messages.get(i));
        }
    }

    @Test
    void allButOneOwnMessageIsTwoSpansOfOneSharedArray() {
        int members = 4;
        byte[][] m = new byte[members][];
        for (int i = 0; i < members; i++) m[i] = message(30, i);
        SpanSink[] sinks = new SpanSink[members];
        for (int i = 0; i < members; i++) sinks[i] = new SpanSink();
        MemberBatches batches = new MemberBatches();
        batches.open(members);
        for (int k = 0; k < members; k++) for (int p = 0; p < members; p++) if (p != k) batches.add(p, m[k]);
        batches.close(sinks, members);
        byte[] shared = sinks[0].arrays.get(0);
        assertEquals(4 * 30, shared.length);
        for (int p = 0; p < members; p++) {
            assertSame(shared, sinks[p].arrays.get(0), "one array for the whole group");
            assertEquals(3, sinks[p].counts.get(0));
            int expectedRuns = p == 0 || p == members - 1 ? 1 : 2;
            assertEquals(expectedRuns, sinks[p].runs.get(0), "member " + p);
            int bytes = 0;
            for (int j = 0; j < expectedRuns; j++) {
                int off = sinks[p].spans.get(0)[2 * j];
                assertTrue(off / 30 != p || sinks[p].spans.get(0)[2 * j + 1] == 0, "its own message is not in a span");
                bytes += sinks[p].spans.get(0)[2 * j + 1];
            }
            assertEquals(3 * 30, bytes);
        }
        batches.open(members);
        batches.close(sinks, members);
        assertEquals(1, sinks[0].arrays.size(), "an empty drain calls nobody");
    }
}
