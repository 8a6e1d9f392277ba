package org.bgpd.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stateless; safe to share. Runs a short external command (ip, birdc) to completion and returns
 * its output; a non-zero exit becomes an exception that carries the command line, exit code and
 * both output streams, so a failing test says what the tool said.
 */
public final class ExternalCommand {

    /** What a finished command printed. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String describe() {
            return String.join(" ", command) + " exited " + exitCode
                    + (stdout.isBlank() ? "" : "\nstdout: " + stdout.strip())
                    + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
        }
    }

    /** A command that exited non-zero or could not be run. */
    public static final class Failed extends RuntimeException {
        private final transient Result result;

        Failed(Result result) {
            super(result.describe());
            this.result = result;
        }

        Failed(String message, Throwable cause) {
            super(message, cause);
            this.result = null;
        }

        /** The finished command, or null if it never ran or timed out. */
        public Result result() {
            return result;
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private ExternalCommand() {}

    /** Runs the command and returns its stdout; throws {@link Failed} on a non-zero exit. */
    public static String run(String... command) {
        Result r = tryRun(command);
        if (!r.ok()) {
            throw new Failed(r);
        }
        return r.stdout();
    }

    /** Runs the command and returns its result whatever the exit code. */
    public static Result tryRun(String... command) {
        List<String> cmd = List.of(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new Failed("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        // Both streams drained concurrently: a full stderr pipe would otherwise block the child.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Failed(String.join(" ", cmd) + " did not finish in " + TIMEOUT_SECONDS + " s", null);
            }
            return new Result(cmd, p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while running " + String.join(" ", cmd), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
