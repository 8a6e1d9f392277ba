package org.bgpd.rib.adjout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberBatchesTest {

    /** Remembers each call: a single message as a one-element list, a batch as its messages. */
    private static final class CallSink implements SessionSink {
        final List<List<byte[]>> calls = new ArrayList<>();
        final List<byte[][]> arrays = new ArrayList<>();

        @Override
        public void send(byte[] message) { calls.add(List.of(message)); }

        @Override
        public void send(byte[][] messages, int n) {
            arrays.add(messages);
            calls.add(Arrays.asList(messages).subList(0, n));
        }
    }

    @Test
    void eachMemberGetsItsMessagesInOrderInOneCall() {
        MemberBatches batches = new MemberBatches();
        CallSink a = new CallSink(), b = new CallSink(), c = new CallSink();
        SessionSink[] sinks = {a, b, c};
        byte[][] m = new byte[20][];
        for (int i = 0; i < m.length; i++) m[i] = new byte[] {(byte) i};
        batches.open(3);
        assertTrue(batches.isOpen());
        for (int i = 0; i < m.length; i++) batches.add(0, m[i]); // grows past the first array
        batches.add(1, m[5]);
        batches.close(sinks, 3);
        assertFalse(batches.isOpen());
        assertEquals(1, a.calls.size());
        assertEquals(m.length, a.calls.get(0).size());
        for (int i = 0; i < m.length; i++) assertSame(m[i], a.calls.get(0).get(i));
        assertEquals(List.of(List.of(m[5])), b.calls, "one message goes as a single send");
        assertTrue(c.calls.isEmpty(), "a member with nothing is not called");
    }

    @Test
    void aHandedOverArrayIsNeverWrittenAgain() {
        MemberBatches batches = new MemberBatches();
        CallSink a = new CallSink();
        SessionSink[] sinks = {a};
        byte[] x = {1}, y = {2}, z = {3};
        batches.open(1);
        batches.add(0, x);
        batches.add(0, y);
        batches.close(sinks, 1);
        batches.open(1);
        batches.add(0, z);
        batches.add(0, z);
        batches.close(sinks, 1);
        byte[][] first = a.arrays.get(0);
        assertSame(x, first[0], "the sink keeps its array: the next turn uses a new one");
        assertSame(y, first[1]);
        assertEquals(2, a.calls.get(1).size());
        assertSame(z, a.calls.get(1).get(0));
    }
}
