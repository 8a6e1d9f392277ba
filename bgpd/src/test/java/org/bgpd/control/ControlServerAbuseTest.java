package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control-socket clients that misbehave: binary garbage, endless lines, commands fired without
 * reading the replies, and a crowd. Each test ends by checking that a well-behaved client still
 * gets BIRD's exact reply.
 */
class ControlServerAbuseTest {
    private static final long DEADLINE_MS = 60_000;

    @TempDir
    Path tmp;
    private ControlServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private Path start(FakeBackend b) throws IOException {
        Path sock = tmp.resolve("bird.ctl");
        server = new ControlServer(b, List.of(new ControlSocketSpec(sock, Dialect.BIRD2, null)),
                Clock.fixed(b.status.serverTime(), ZoneOffset.UTC), ZoneOffset.UTC, ControlServer.DEFAULT_MAX_LINE);
        server.start();
        return sock;
    }

    /**
     * Tried: {@code restrict}, then 1 MiB of seeded random bytes (NULs, invalid UTF-8, stray
     * newlines), a line of invalid UTF-8, and a 10 MiB line with no newline until its end, all
     * written by another thread while this one reads. Every line gets exactly one complete reply
     * (no command is run twice or lost), the long one {@code 9000 Command too long}, and the
     * connection still answers {@code show status} byte for byte.
     */
    @Test
    void binaryGarbageAndEndlessLinesGetOneReplyEachAndTheSessionGoesOn() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        Path sock = start(b);
        byte[] garbage = new byte[1 << 20];
        new Random(6).nextBytes(garbage);
        int lines = 0;
        for (byte x : garbage) if (x == '\n') lines++;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes("restrict\n".getBytes(StandardCharsets.US_ASCII));
        all.writeBytes(garbage);
        all.writeBytes(new byte[] {'\n', (byte) 0xC3, 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'});
        byte[] endless = new byte[10 << 20];
        java.util.Arrays.fill(endless, (byte) 'x');
        all.writeBytes(endless);
        all.writeBytes("\nshow status\n".getBytes(StandardCharsets.US_ASCII));
        int expectedReplies = 1 + lines + 2 + 1 + 1;

        try (ControlServerTest.Client c = new ControlServerTest.Client(sock)) {
            c.reply();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    c.out.write(all.toByteArray());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < expectedReplies; i++) replies.add(c.reply());
            writer.join();
            assertEquals("0016 Access restricted\n", replies.getFirst());
            assertEquals("9000 Command too long\n", replies.get(expectedReplies - 2));
            assertTrue(replies.get(expectedReplies - 3).startsWith("9001 "), replies.get(expectedReplies - 3));
            assertEquals(Captures.raw("bird2-node-a__show_status"), replies.getLast());
        }
        assertEquals(0, b.shutdowns.get());
    }

    /**
     * Tried: one client writes 200,000 {@code show status} commands (2.4 MB) and reads nothing.
     * The server must stop reading from it once its replies cannot be written (not buffer them
     * without bound): the writer stalls with most commands unsent and the commands run stay far
     * below what was sent. Meanwhile another client is served. When the first client finally
     * reads, it gets every reply, complete and in order.
     */
    @Test
    void aClientThatNeverReadsIsThrottledNotBuffered() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        AtomicInteger executed = b.statusCalls;
        Path sock = start(b);
        int commands = 200_000;
        byte[] one = "show status\n".getBytes(StandardCharsets.US_ASCII);
        String expected = Captures.raw("bird2-node-a__show_status");

        try (ControlServerTest.Client flood = new ControlServerTest.Client(sock)) {
            flood.reply();
            AtomicInteger written = new AtomicInteger();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < commands; i++) {
                        ByteBuffer buf = ByteBuffer.wrap(one);
                        while (buf.hasRemaining()) flood.ch.write(buf);
                        written.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Stalled: parked in write, and no command has run for 20 polls in a row.
            AtomicInteger lastSeen = new AtomicInteger(-1);
            AtomicInteger stablePolls = new AtomicInteger();
            await(() -> {
                int now = executed.get();
                boolean parked = writer.getState() == Thread.State.WAITING;
                if (parked && now == lastSeen.get()) stablePolls.incrementAndGet();
                else stablePolls.set(0);
                lastSeen.set(now);
                return stablePolls.get() >= 20 || !writer.isAlive();
            }, "the flooding writer stalls");
            assertTrue(writer.isAlive(), "all 200,000 commands were accepted without a single reply read");
            assertTrue(executed.get() < commands / 4, "ran " + executed.get() + " commands for a client that reads nothing");

            try (ControlServerTest.Client other = new ControlServerTest.Client(sock)) {
                other.reply();
                assertEquals(Captures.raw("bird2-node-a__show_protocols"), other.send("show protocols"));
            }

            for (int i = 0; i < commands; i++) {
                String r = flood.reply();
                if (!expected.equals(r)) fail("reply " + i + " differs: " + r);
            }
            writer.join();
            assertEquals(commands, written.get());
            assertEquals(commands, executed.get());
        }
    }

    /**
     * Tried: 200 clients connect at once (more than the default listen backlog) and each runs
     * {@code show protocols} and {@code show status}; every one gets BIRD's exact replies.
     */
    @Test
    void twoHundredConcurrentClientsEachGetTheFullReply() throws Exception {
        Path sock = start(LabData.nodeA(201));
        String protocols = Captures.raw("bird2-node-a__show_protocols");
        String status = Captures.raw("bird2-node-a__show_status");
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger good = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    try (ControlServerTest.Client c = new ControlServerTest.Client(sock)) {
                        c.reply();
                        String p = c.send("show protocols");
                        String s = c.send("show status");
                        if (protocols.equals(p) && status.equals(s)) good.incrementAndGet();
                        else firstProblem.compareAndSet(null, p + s);
                    }
                } catch (IOException | InterruptedException e) {
                    firstProblem.compareAndSet(null, e.toString());
                }
            }));
        }
        go.countDown();
        for (Thread t : clients) t.join();
        assertEquals(null, firstProblem.get());
        assertEquals(200, good.get());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for: " + what);
            Thread.sleep(50);
        }
    }
}
