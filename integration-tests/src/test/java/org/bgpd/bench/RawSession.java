package org.bgpd.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * Owned by the {@link SpeakerLoop} thread; not thread-safe except the volatile fields. One BGP
 * session of a benchmark speaker: connection, outbound queue, a partial inbound message, and
 * the {@link RouteCounter} its UPDATEs feed (null for a feeder that only sends).
 */
final class RawSession {
    enum State { CONNECTING, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED }

    final InetSocketAddress local;
    final int bgpId;
    final RouteCounter counter;
    SocketChannel channel;
    State state = State.CONNECTING;
    /** While CONNECTING: when to connect again, or when the pending attempt started. */
    long retryAtNanos;
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    /** Bytes of a message not yet complete at the end of the last read. */
    byte[] partial = new byte[0];
    long bytesIn;
    long updatesIn;
    /** When the queue first emptied after {@link BenchRun} reset this to 0 and sent the payload. */
    volatile long drainedNanos;
    volatile String failure;

    RawSession(InetSocketAddress local, int bgpId, RouteCounter counter) {
        this.local = local;
        this.bgpId = bgpId;
        this.counter = counter;
    }

    @Override
    public String toString() {
        return local.getAddress().getHostAddress() + " " + state + (counter == null ? "" : " held "
                + counter.held() + "/" + counter.expected()) + (failure == null ? "" : " failed: " + failure);
    }
}
