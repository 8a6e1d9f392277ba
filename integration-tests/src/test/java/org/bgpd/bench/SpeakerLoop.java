package org.bgpd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Owns one thread and every benchmark session on it: a single NIO selector connects them to
 * the reflector, answers OPEN and KEEPALIVE, writes queued UPDATEs and counts the prefixes of
 * received UPDATEs straight from the read buffer (no object per prefix). Other threads call
 * only {@link #add} (before {@link #start}), {@link #execute}, {@link #send} and the awaits.
 */
final class SpeakerLoop implements AutoCloseable {
    private static final int HOLD_TIME = 240;
    private static final long KEEPALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** BENCH_DEBUG set: print why connections are retried. */
    private static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;
    /**
     * A SYN the reflector's full accept backlog dropped is retransmitted after 1, 2, 4... s;
     * starting over is quicker (BIRD listens with a backlog of 8).
     */
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * Timers walk every session: once per select would cost O(sessions) per wake-up, which at
     * 1,000 receivers woken a few at a time made the speaker thread rival the reflector.
     */
    private static final long TIMER_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final InetSocketAddress remote;
    private final int as;
    private final Selector selector;
    private final List<RawSession> sessions = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer read = ByteBuffer.allocate(1 << 20);
    private final byte[] keepalive = BgpWire.keepalive();
    private CountDownLatch established;
    private CountDownLatch complete;
    private Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    private long nextKeepalive;
    private long nextTimerTick;

    SpeakerLoop(InetSocketAddress remote, int as) throws IOException {
        this.remote = remote;
        this.as = as;
        this.selector = Selector.open();
    }

    RawSession add(String localAddress, RouteCounter counter) {
        int id = ipv4(localAddress);
        RawSession s = new RawSession(new InetSocketAddress(localAddress, 0), id, counter);
        sessions.add(s);
        return s;
    }

    void start() {
        established = new CountDownLatch(sessions.size());
        int receivers = 0;
        for (RawSession s : sessions) if (s.counter != null) receivers++;
        complete = new CountDownLatch(receivers);
        thread = Thread.ofPlatform().name("bench-speakers").start(this::run);
    }

    List<RawSession> sessions() { return sessions; }

    /** CPU time of the speaker thread so far. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }

    void awaitEstablished(long seconds, BooleanSupplier reflectorAlive) throws InterruptedException {
        await(established, seconds, "sessions Established", reflectorAlive);
    }

    void awaitComplete(long seconds, BooleanSupplier reflectorAlive) throws InterruptedException {
        await(complete, seconds, "every receiver holding every prefix", reflectorAlive);
    }

    private void await(CountDownLatch latch, long seconds, String what, BooleanSupplier reflectorAlive)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!latch.await(200, TimeUnit.MILLISECONDS)) {
            if (failure != null) throw new IllegalStateException("benchmark session failed: " + failure);
            if (!reflectorAlive.getAsBoolean()) throw new IllegalStateException("the reflector exited");
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + "; " + latch.getCount()
                        + " left, e.g. " + sessions.stream().filter(x -> x.counter == null || x.state != RawSession.State.ESTABLISHED
                        || x.counter.held() < x.counter.expected()).limit(3).toList());
            }
        }
    }

    /** Runs {@code task} on the speaker thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Speaker thread only: queues bytes on a session and writes what the socket takes now. */
    void send(RawSession s, ByteBuffer data) {
        s.out.add(data);
        flush(s);
    }

    private void run() {
        try {
            long now = System.nanoTime();
            nextKeepalive = now + KEEPALIVE_NANOS;
            for (RawSession s : sessions) connect(s);
            while (running) {
                selector.select(100);
                Runnable t;
                while ((t = tasks.poll()) != null) t.run();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    RawSession s = (RawSession) k.attachment();
                    if (!k.isValid()) continue;
                    try {
                        if (k.isConnectable()) connected(s, k);
                        else {
                            if (k.isReadable()) readable(s);
                            if (k.isValid() && k.isWritable()) flush(s);
                        }
                    } catch (IOException e) {
                        lost(s, e.toString());
                    }
                }
                long now2 = System.nanoTime();
                if (now2 >= nextTimerTick) {
                    nextTimerTick = now2 + TIMER_TICK_NANOS;
                    timers();
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        }
    }

    private void timers() {
        long now = System.nanoTime();
        boolean keepalives = now >= nextKeepalive;
        if (keepalives) nextKeepalive = now + KEEPALIVE_NANOS;
        for (RawSession s : sessions) {
            if (s.state == RawSession.State.CONNECTING && s.channel == null && now >= s.retryAtNanos) connect(s);
            else if (s.state == RawSession.State.CONNECTING && now - s.retryAtNanos > CONNECT_TIMEOUT_NANOS) retry(s);
            else if (keepalives && s.state == RawSession.State.ESTABLISHED) send(s, ByteBuffer.wrap(keepalive));
        }
    }

    private void connect(RawSession s) {
        s.retryAtNanos = System.nanoTime(); // from here on: when this attempt started
        try {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            c.bind(s.local);
            s.channel = c;
            if (c.connect(remote)) connected(s, c.register(selector, 0, s));
            else c.register(selector, SelectionKey.OP_CONNECT, s);
        } catch (IOException e) {
            if (DEBUG) e.printStackTrace();
            retry(s);
        }
    }

    private void connected(RawSession s, SelectionKey k) throws IOException {
        try {
            s.channel.finishConnect();
        } catch (IOException e) {
            if (DEBUG) e.printStackTrace();
            retry(s);
            return;
        }
        k.interestOps(SelectionKey.OP_READ);
        s.state = RawSession.State.OPEN_SENT;
        send(s, ByteBuffer.wrap(BgpWire.open(as, HOLD_TIME, s.bgpId)));
    }

    /** Before Established a refused or closed connection is the reflector not ready yet: try again. */
    private void retry(RawSession s) {
        closeChannel(s);
        s.state = RawSession.State.CONNECTING;
        s.retryAtNanos = System.nanoTime() + RETRY_NANOS;
    }

    private void lost(RawSession s, String why) {
        if (s.state != RawSession.State.ESTABLISHED) {
            if (DEBUG) System.err.println(s + ": " + why);
            retry(s);
            return;
        }
        s.failure = why;
        failure = s.local.getAddress().getHostAddress() + ": " + why;
        closeChannel(s);
    }

    private static void closeChannel(RawSession s) {
        if (s.channel != null) {
            try {
                s.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            s.channel = null;
        }
        s.out.clear();
        s.partial = new byte[0];
    }

    private void flush(RawSession s) {
        if (s.channel == null) return;
        try {
            while (!s.out.isEmpty()) {
                ByteBuffer b = s.out.peek();
                s.channel.write(b);
                if (b.hasRemaining()) break;
                s.out.poll();
            }
        } catch (IOException e) {
            lost(s, e.toString());
            return;
        }
        SelectionKey k = s.channel.keyFor(selector);
        if (s.out.isEmpty()) {
            if (s.drainedNanos == 0) s.drainedNanos = System.nanoTime();
            if (k != null && k.isValid()) k.interestOps(SelectionKey.OP_READ);
        } else if (k != null && k.isValid()) {
            k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private void readable(RawSession s) throws IOException {
        read.clear();
        read.put(s.partial);
        int n = s.channel.read(read);
        if (n < 0) {
            lost(s, "connection closed by the reflector");
            return;
        }
        s.bytesIn += n;
        byte[] a = read.array();
        int end = read.position();
        int p = 0;
        while (end - p >= BgpWire.HEADER) {
            int len = (a[p + 16] & 0xFF) << 8 | (a[p + 17] & 0xFF);
            if (len < BgpWire.HEADER) {
                lost(s, "bad message length " + len);
                return;
            }
            if (end - p < len) break;
            message(s, a, p, len);
            if (s.channel == null) return;
            p += len;
        }
        s.partial = java.util.Arrays.copyOfRange(a, p, end);
    }

    private void message(RawSession s, byte[] a, int p, int len) {
        switch (a[p + 18]) {
            case BgpWire.OPEN -> {
                s.state = RawSession.State.OPEN_CONFIRM;
                send(s, ByteBuffer.wrap(keepalive));
            }
            case BgpWire.KEEPALIVE -> {
                if (s.state == RawSession.State.OPEN_CONFIRM) {
                    s.state = RawSession.State.ESTABLISHED;
                    established.countDown();
                }
            }
            case BgpWire.UPDATE -> update(s, a, p + BgpWire.HEADER, p + len);
            case BgpWire.NOTIFICATION -> lost(s, "NOTIFICATION " + (a[p + 19] & 0xFF) + "/" + (a[p + 20] & 0xFF));
            default -> lost(s, "unexpected message type " + a[p + 18]);
        }
    }

    /** Withdrawn routes, then the NLRI after the path attributes (RFC 4271 §4.3); IPv4 only. */
    private void update(RawSession s, byte[] a, int p, int end) {
        s.updatesIn++;
        if (s.counter == null) return;
        int wlen = (a[p] & 0xFF) << 8 | (a[p + 1] & 0xFF);
        p += 2;
        int wend = p + wlen;
        while (p < wend) {
            int len = a[p] & 0xFF;
            s.counter.withdrawn(address(a, p + 1, len), len);
            p += 1 + (len + 7) / 8;
        }
        int alen = (a[p] & 0xFF) << 8 | (a[p + 1] & 0xFF);
        p += 2 + alen;
        while (p < end) {
            int len = a[p] & 0xFF;
            if (s.counter.announced(address(a, p + 1, len), len)) complete.countDown();
            p += 1 + (len + 7) / 8;
        }
    }

    private static int address(byte[] a, int p, int len) {
        int v = 0;
        int bytes = (len + 7) / 8;
        for (int k = 0; k < 4; k++) v = v << 8 | (k < bytes ? a[p + k] & 0xFF : 0);
        return v;
    }

    static int ipv4(String dotted) {
        String[] parts = dotted.split("\\.");
        int v = 0;
        for (String part : parts) v = v << 8 | Integer.parseInt(part);
        return v;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            if (thread != null) thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RawSession s : sessions) closeChannel(s);
        try {
            selector.close();
        } catch (IOException ignored) {
            // exiting
        }
    }
}
