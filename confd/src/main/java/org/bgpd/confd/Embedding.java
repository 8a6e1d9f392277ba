package org.bgpd.confd;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Immutable; safe to share. How a daemon runs the renderer in its own process: one template
 * resource renders the daemon's own configuration file, the rendered text is finished by the
 * daemon (it carries its {@code confd:} section through), and the staged file is checked and
 * applied by calls into the daemon instead of a command or a control socket round trip.
 *
 * @param resource the {@code conf.d} file name, e.g. {@code bgpd.yaml}
 * @param dest the daemon's configuration file; replaces the resource's {@code dest}
 * @param check null when the staged file may replace {@code dest}, else why not
 * @param reload null when the daemon applied {@code dest}, else why not
 */
public record Embedding(String resource, Path dest, UnaryOperator<String> finish, Function<Path, String> check,
                        Supplier<String> reload) {}
