package org.bgpd.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Producers on any thread (the RIB thread), the drain on the channel's event loop. The UPDATEs
 * the RIB hands one Established channel, written in batches: a message, or a turn's batch of
 * messages, only queues, the first one of a drain schedules it, and the drain copies single
 * messages into a few large direct buffers, writes a batch's spans as they are, and flushes once. One {@code writeAndFlush} per UPDATE
 * cost a task, a direct copy and a {@code write(2)} per message per member, which dominated a
 * 1,000-client fan-out; one queue entry per message per member still cost a million queue nodes
 * and buffer wrappers per turn there, hence the batches.
 * Messages stay in order; a drain moves at most {@link #DRAIN_BYTES} so other channels on the
 * loop get their turn, and what it leaves goes to the channel's outbound buffer next time, where
 * Netty's writability sees it.
 */
final class UpdateOutbox {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int DRAIN_BYTES = 1 << 20;

    private final Channel channel;
    /** Queued messages in order, each a {@link ByteBuf} (one reference owned) or a {@link Batch}. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    /** Event loop only: a batch the last drain's budget ended in. */
    private Batch partial;
    private ByteBuf chunk;

    /** Spans {@code [next, runs)} of framed messages in a shared array, still to be written; advanced by the event loop. */
    private static final class Batch {
        final byte[] bytes;
        final int[] spans;
        final int runs;
        int next;

        Batch(byte[] bytes, int[] spans, int runs) {
            this.bytes = bytes;
            this.spans = spans;
            this.runs = runs;
        }
    }

    UpdateOutbox(Channel channel) {
        this.channel = channel;
    }

    /** Takes ownership of one reference to {@code framed}, a complete UPDATE message. */
    void add(ByteBuf framed) {
        enqueue(framed);
    }

    /**
     * Takes {@code runs} spans of complete UPDATE messages in {@code bytes}, which nobody
     * modifies ({@code spans[2j]} offset, {@code spans[2j + 1]} length); {@code spans} becomes ours.
     */
    void addSpans(byte[] bytes, int[] spans, int runs) {
        if (runs > 0) enqueue(new Batch(bytes, spans, runs));
    }

    private void enqueue(Object item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) channel.eventLoop().execute(drain);
    }

    private void drain() {
        int budget = DRAIN_BYTES;
        while (budget > 0) {
            if (partial != null) {
                budget = copy(partial, budget);
                if (partial.next < partial.runs) break;
                partial = null;
            }
            Object item = queue.poll();
            if (item == null) break;
            if (item instanceof ByteBuf m) {
                int n = m.readableBytes();
                room(n).writeBytes(m);
                m.release();
                budget -= n;
            } else {
                partial = (Batch) item;
            }
        }
        if (chunk != null) {
            channel.write(chunk, channel.voidPromise());
            chunk = null;
        }
        if (budget < DRAIN_BYTES) channel.flush();
        if (partial != null || !queue.isEmpty()) {
            channel.eventLoop().execute(drain); // still scheduled: producers need not wake us
            return;
        }
        scheduled.set(false);
        // a message queued between the last poll and the reset would otherwise wait for the next one
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) channel.eventLoop().execute(drain);
    }

    /** Writes the batch's spans as they are (the transport copies each once), after what the chunk holds. */
    private int copy(Batch b, int budget) {
        int j = b.next;
        while (j < b.runs && budget > 0) {
            int off = b.spans[2 * j], len = b.spans[2 * j + 1];
            j++;
            if (chunk != null) {
                channel.write(chunk, channel.voidPromise());
                chunk = null;
            }
            channel.write(Unpooled.wrappedBuffer(b.bytes, off, len), channel.voidPromise());
            budget -= len;
        }
        b.next = j;
        return budget;
    }

    /** The chunk to append {@code n} bytes to, writing out the current one when it is full. */
    private ByteBuf room(int n) {
        if (chunk != null && chunk.writableBytes() < n) {
            channel.write(chunk, channel.voidPromise());
            chunk = null;
        }
        if (chunk == null) chunk = channel.alloc().directBuffer(Math.max(CHUNK_BYTES, n));
        return chunk;
    }
}
