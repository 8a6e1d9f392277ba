package org.bgpd.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The BIRD captures in {@code <repo>/../shared/reference/bird-cli/}. Tests run in the module
 * directory; the repository root is the nearest parent whose pom.xml lists modules.
 * (Captures are read as UTF-8; they are ASCII.)
 */
final class Captures {
    private Captures() {}

    static Path referenceDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>")) {
                    return besideRepo(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no reactor pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** {@code <repo>/../shared/reference}; a git worktree nested deeper looks further up. */
    private static Path besideRepo(Path repo) {
        for (Path d = repo.getParent(); d != null; d = d.getParent()) {
            Path ref = d.resolve("shared/reference");
            if (Files.isDirectory(ref)) return ref;
        }
        throw new IllegalStateException("no shared/reference beside " + repo);
    }

    static String raw(String name) {
        Path p = referenceDir().resolve("bird-cli/raw").resolve(name + ".raw");
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing capture " + p, e);
        }
    }
}
