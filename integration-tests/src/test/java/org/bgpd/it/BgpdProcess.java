package org.bgpd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Owned by the test thread; not thread-safe. bgpd as its own process inside a network namespace
 * ({@code ip netns exec NS java ... org.bgpd.cli.BgpdCommand run --config FILE}), which is what
 * {@code bin/bgpd run} does minus the jar build: the classes are the ones this test run compiled
 * (surefire's test class path), so the test never runs a stale jar nor a nested Maven build.
 * A whole process in the namespace puts every socket there (BGP listener and sessions as well
 * as netlink) and makes SIGTERM exercise the real clean-stop path.
 */
final class BgpdProcess implements AutoCloseable {
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final Path log;

    private BgpdProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Writes {@code yaml} to {@code dir}/bgpd.yaml and starts bgpd on it inside {@code ns}. */
    static BgpdProcess start(Netns ns, Path dir, String yaml) {
        try {
            Path config = dir.resolve("bgpd.yaml");
            Files.writeString(config, yaml);
            Path log = dir.resolve("bgpd.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process p = ns.start(log, java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                    "-cp", cp, "org.bgpd.cli.BgpdCommand", "run", "--config", config.toString());
            return new BgpdProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isRunning() { return process.isAlive(); }

    /** SIGTERM (a clean stop: the shutdown hook closes the daemon) and wait; returns the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("bgpd did not stop within " + STOP_TIMEOUT_SECONDS + " s\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    /** Waits for the process to exit on its own (after {@code down} or {@code graceful restart}); returns the exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                throw new AssertionError("bgpd did not exit within " + STOP_TIMEOUT_SECONDS + " s\n" + logTail(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
        return process.exitValue();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) stop();
    }
}
