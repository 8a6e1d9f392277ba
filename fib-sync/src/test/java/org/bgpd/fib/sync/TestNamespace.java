package org.bgpd.fib.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.bgpd.fib.netlink.NetworkNamespace;

/**
 * A throw-away network namespace "bgpdfib-RANDOM" for tests and the benchmark: `ip` commands
 * run in it through `ip -n`, and Java code runs in it on one dedicated thread that entered it
 * with setns(2), so sockets opened there belong to it. Deleted on close and by a shutdown hook.
 * Needs root: construction fails with a message saying so. Owned by the test thread.
 */
public final class TestNamespace implements AutoCloseable {
    private final String name = "bgpdfib-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
    private final ExecutorService inside;
    private final Thread hook = new Thread(this::delete);
    private boolean deleted;

    public TestNamespace() throws Exception {
        requireRoot();
        run("ip", "netns", "add", name);
        Runtime.getRuntime().addShutdownHook(hook);
        inside = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("in-" + name).daemon(true).unstarted(r));
        call(() -> {
            NetworkNamespace.enter(name);
            return null;
        });
        ip("link", "set", "lo", "up");
    }

    static void requireRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("Uid:") && !line.split("\\s+")[2].equals("0"))
                throw new IllegalStateException("the fib-sync integration tests create network namespaces and need root "
                        + "(effective uid is " + line.split("\\s+")[2] + "); run them as root, as CI does");
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip")) && !Files.isExecutable(Path.of("/usr/bin/ip")))
            throw new IllegalStateException("the fib-sync integration tests need iproute2's `ip` (apt-get install iproute2)");
    }

    public String name() { return name; }

    /** Runs Java code on the thread that lives in the namespace. */
    public <T> T call(Callable<T> task) throws Exception {
        try {
            return inside.submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** `ip -n NAME args...`; returns stdout, throws with stderr when it fails. */
    public String ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** `ip -n NAME -batch FILE` (the benchmark's reference). */
    public String ipBatch(Path file) throws IOException, InterruptedException {
        return run("ip", "-n", name, "-batch", file.toString());
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int rc = p.waitFor();
        if (rc != 0) throw new IOException(String.join(" ", cmd) + " failed (" + rc + "): " + new String(err, StandardCharsets.UTF_8).trim());
        return new String(out, StandardCharsets.UTF_8);
    }

    private synchronized void delete() {
        if (deleted) return;
        deleted = true;
        try {
            run("ip", "netns", "del", name);
        } catch (IOException | InterruptedException e) {
            // best effort: the namespace may already be gone
        }
    }

    @Override
    public void close() {
        if (inside != null) inside.shutdownNow();
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }
}
