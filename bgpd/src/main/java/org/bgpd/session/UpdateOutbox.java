package org.bgpd.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Producers on any thread (the RIB thread), the drain on the channel's event loop. The UPDATEs
 * the RIB hands one Established channel, written in batches: a message only queues, the first
 * one of a batch schedules one drain, and the drain copies everything queued into a few large
 * direct buffers and flushes once. One {@code writeAndFlush} per UPDATE cost a task, a direct
 * copy and a {@code write(2)} per message per member, which dominated a 1,000-client fan-out.
 * Messages stay in order; a drain moves at most {@link #DRAIN_BYTES} so other channels on the
 * loop get their turn, and what it leaves goes to the channel's outbound buffer next time, where
 * Netty's writability sees it.
 */
final class UpdateOutbox {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int DRAIN_BYTES = 1 << 20;

    private final Channel channel;
    private final ConcurrentLinkedQueue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    UpdateOutbox(Channel channel) {
        this.channel = channel;
    }

    /** Takes ownership of one reference to {@code framed}, a complete UPDATE message. */
    void add(ByteBuf framed) {
        queue.add(framed);
        if (scheduled.compareAndSet(false, true)) channel.eventLoop().execute(drain);
    }

    private void drain() {
        int budget = DRAIN_BYTES;
        ByteBuf chunk = null;
        ByteBuf m;
        while (budget > 0 && (m = queue.poll()) != null) {
            int n = m.readableBytes();
            if (chunk != null && chunk.writableBytes() < n) {
                channel.write(chunk, channel.voidPromise());
                chunk = null;
            }
            if (chunk == null) chunk = channel.alloc().directBuffer(Math.max(CHUNK_BYTES, n));
            chunk.writeBytes(m);
            m.release();
            budget -= n;
        }
        if (chunk != null) channel.writeAndFlush(chunk, channel.voidPromise());
        if (!queue.isEmpty()) {
            channel.eventLoop().execute(drain); // still scheduled: producers need not wake us
            return;
        }
        scheduled.set(false);
        // a message queued between the last poll and the reset would otherwise wait for the next one
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) channel.eventLoop().execute(drain);
    }
}
