package org.bgpd.confd.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stateless; safe to share. Runs a {@code /bin/sh -c} command and collects its output, as confd does for check and reload. */
final class ShellCommand {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private ShellCommand() {
    }

    static Result run(String command, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, "cannot start /bin/sh: " + e.getMessage());
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            // The output is read to the end before waiting, so a chatty command cannot block on a full pipe.
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + command);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            p.destroyForcibly();
            return new Result(-1, "reading output of '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + command);
        }
    }
}
