package org.bgpd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class UpdateOutboxTest {

    private static byte[] message(int size, int fill) {
        byte[] m = new byte[size];
        java.util.Arrays.fill(m, (byte) fill);
        return m;
    }

    private static byte[] drainOutbound(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out.toByteArray();
    }

    @Test
    void messagesQueuedBeforeTheDrainLeaveInOrderInOneWrite() {
        EmbeddedChannel ch = new EmbeddedChannel();
        UpdateOutbox outbox = new UpdateOutbox(ch);
        byte[] a = message(19, 1), b = message(4096, 2), c = message(23, 3);
        outbox.add(Unpooled.wrappedBuffer(a));
        outbox.add(Unpooled.wrappedBuffer(b));
        outbox.add(Unpooled.wrappedBuffer(c));
        assertNull(ch.readOutbound(), "nothing is written before the drain runs on the loop");
        ch.runPendingTasks();
        ByteBuf first = ch.readOutbound();
        assertEquals(a.length + b.length + c.length, first.readableBytes(), "one buffer, one flush");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(a);
        expected.writeBytes(b);
        expected.writeBytes(c);
        assertArrayEquals(expected.toByteArray(), ByteBufUtil.getBytes(first));
        first.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void aLargeBacklogIsWrittenCompletelyAcrossSeveralDrains() {
        EmbeddedChannel ch = new EmbeddedChannel();
        UpdateOutbox outbox = new UpdateOutbox(ch);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 600; i++) { // 600 x 4 KiB: more than one drain's budget
            byte[] m = message(4096, i);
            expected.writeBytes(m);
            outbox.add(Unpooled.wrappedBuffer(m));
        }
        for (int i = 0; i < 10; i++) ch.runPendingTasks();
        assertArrayEquals(expected.toByteArray(), drainOutbound(ch));
        outbox.add(Unpooled.wrappedBuffer(message(19, 7)));
        ch.runPendingTasks();
        assertArrayEquals(message(19, 7), drainOutbound(ch), "a message after the backlog schedules a new drain");
        ch.finishAndReleaseAll();
    }

    @Test
    void spansAndSingleMessagesLeaveInQueueOrderEvenAcrossDrainBudgets() {
        EmbeddedChannel ch = new EmbeddedChannel();
        UpdateOutbox outbox = new UpdateOutbox(ch);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] before = message(19, 200);
        expected.writeBytes(before);
        outbox.add(Unpooled.wrappedBuffer(before));
        byte[] shared = new byte[700 * 4096]; // 700 x 4 KiB: the batch spans drains
        for (int i = 0; i < shared.length; i++) shared[i] = (byte) (i / 4096);
        int[] spans = new int[2 * 350];
        for (int j = 0; j < 350; j++) { // every other 4 KiB block
            spans[2 * j] = 2 * j * 4096;
            spans[2 * j + 1] = 4096;
            expected.write(shared, 2 * j * 4096, 4096);
        }
        outbox.addSpans(shared, spans, 350);
        outbox.add(Unpooled.wrappedBuffer(message(23, 201)));
        expected.writeBytes(message(23, 201));
        outbox.addSpans(shared, new int[] {4096, 19, 0, 0}, 1); // runs beyond the count are ignored
        expected.write(shared, 4096, 19);
        for (int i = 0; i < 10; i++) ch.runPendingTasks();
        assertArrayEquals(expected.toByteArray(), drainOutbound(ch));
        ch.finishAndReleaseAll();
    }
}
