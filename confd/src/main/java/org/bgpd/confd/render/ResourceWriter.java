package org.bgpd.confd.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bgpd.confd.resource.TemplateResource;
import org.bgpd.confd.resource.TemplateResource.Check;
import org.bgpd.confd.resource.TemplateResource.Reload;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;

/**
 * Owned by the render thread; not thread-safe. Puts rendered text in place the way confd does:
 * compare with the destination (equal: nothing is written or reloaded), stage next to it, check
 * the staged file, rename it over the destination atomically, reload. A failed check leaves the
 * destination untouched. A failed reload is retried on the next render even if the text is then
 * unchanged, so a consumer that was down when the file changed still picks it up.
 */
public final class ResourceWriter {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final boolean reloadEnabled;
    private final Set<String> reloadOwed = new HashSet<>();

    public ResourceWriter(boolean reloadEnabled) {
        this.reloadEnabled = reloadEnabled;
    }

    public Outcome write(TemplateResource r, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path dest = r.dest();
        try {
            if (Files.isRegularFile(dest) && Arrays.equals(Files.readAllBytes(dest), bytes)) {
                return reloadOwed.contains(r.name()) ? reload(r, "reload retried") : Outcome.unchanged(r.name());
            }
            Path dir = dest.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path staged = Files.createTempFile(dir, "." + dest.getFileName(), ".stage");
            try {
                Files.write(staged, bytes);
                Files.setPosixFilePermissions(staged, r.mode());
                String problem = check(r.check(), staged, dest);
                if (problem != null) {
                    return new Outcome(r.name(), Outcome.Kind.FAILED, "check failed, " + dest + " kept: " + problem);
                }
                move(staged, dest);
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            return new Outcome(r.name(), Outcome.Kind.FAILED, "writing " + dest + ": " + e.getMessage());
        }
        return reload(r, "wrote " + dest);
    }

    private Outcome reload(TemplateResource r, String done) {
        String problem = reloadEnabled ? reloadProblem(r) : null;
        if (problem != null) {
            reloadOwed.add(r.name());
            return new Outcome(r.name(), Outcome.Kind.FAILED, done + " but reload failed: " + problem);
        }
        reloadOwed.remove(r.name());
        return new Outcome(r.name(), Outcome.Kind.CHANGED, done);
    }

    private static String check(Check check, Path staged, Path dest) {
        return switch (check) {
            case Check.None n -> null;
            case Check.InProcess p -> p.problem().apply(staged);
            case Check.BgpdConfig b -> {
                if (ConfigLoader.load(staged) instanceof LoadResult.Failed f) {
                    StringBuilder msg = new StringBuilder();
                    for (ConfigError e : f.errors()) {
                        msg.append(msg.isEmpty() ? "" : "\n").append(e);
                    }
                    yield msg.toString();
                }
                yield null;
            }
            case Check.Shell s -> {
                ShellCommand.Result res = ShellCommand.run(substitute(s.command(), staged, dest), COMMAND_TIMEOUT);
                yield res.ok() ? null : "exit " + res.exitCode() + ": " + res.output();
            }
        };
    }

    private static String reloadProblem(TemplateResource r) {
        return switch (r.reload()) {
            case Reload.None n -> null;
            case Reload.InProcess p -> p.problem().get();
            case Reload.ControlSocket c -> ControlSocketClient.configure(c.socket());
            case Reload.Shell s -> {
                ShellCommand.Result res = ShellCommand.run(substitute(s.command(), r.dest(), r.dest()), COMMAND_TIMEOUT);
                yield res.ok() ? null : "exit " + res.exitCode() + ": " + res.output();
            }
        };
    }

    private static String substitute(String command, Path src, Path dest) {
        return command.replace("{{src}}", src.toString()).replace("{{dest}}", dest.toString());
    }

    private static void move(Path staged, Path dest) throws IOException {
        try {
            Files.move(staged, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
