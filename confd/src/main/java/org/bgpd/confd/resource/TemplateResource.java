package org.bgpd.confd.resource;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Immutable; safe to share. One {@code conf.d/*.yaml} entry: which template renders which file,
 * the key prefixes it depends on ({@code //NODENAME} already replaced by {@code /<node>}), the
 * destination's permissions, how the staged file is checked and how the consumer is told.
 */
public record TemplateResource(String name, String src, Path dest, List<String> keys,
                               Set<PosixFilePermission> mode, Check check, Reload reload) {

    public TemplateResource {
        keys = List.copyOf(keys);
        mode = Set.copyOf(mode);
    }

    /** This resource written to {@code newDest}, checked and reloaded as given. */
    public TemplateResource redirected(Path newDest, Check newCheck, Reload newReload) {
        return new TemplateResource(name, src, newDest, keys, mode, newCheck, newReload);
    }

    /** How a staged file is validated before it replaces the destination. */
    public sealed interface Check {
        /** bgpd's own validation, the same as {@code bgpd check --config {{src}}}, run in-process. */
        record BgpdConfig() implements Check {}

        /** A {@code /bin/sh -c} command; {@code {{src}}} is the staged file, {@code {{dest}}} the destination. */
        record Shell(String command) implements Check {}

        record None() implements Check {}

        /** A check run in this process (the daemon's own {@code configure check}): null when the staged file is fine, else why not. */
        record InProcess(Function<Path, String> problem) implements Check {}
    }

    /** How the consumer of the file learns that it changed. */
    public sealed interface Reload {
        /** Send {@code configure} over a BIRD-protocol control socket. */
        record ControlSocket(Path socket) implements Reload {}

        /** A {@code /bin/sh -c} command; {@code {{dest}}} is the destination. */
        record Shell(String command) implements Reload {}

        record None() implements Reload {}

        /** A reload run in this process (the daemon's {@code configure}): null on success, else what went wrong. */
        record InProcess(Supplier<String> problem) implements Reload {}
    }
}
