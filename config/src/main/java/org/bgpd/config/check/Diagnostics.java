package org.bgpd.config.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;

/**
 * Owned by one load; not thread-safe. Collects every error found in one file so the user sees
 * them all at once. Duplicates (a template value reported once per peer using it) are dropped.
 */
public final class Diagnostics {

    private final String file;
    private final Set<ConfigError> errors = new LinkedHashSet<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    /** SnakeYAML marks are 0-based; errors are 1-based. */
    public void error(Mark mark, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        errors.add(new ConfigError(file, line, column, message));
    }

    public int count() {
        return errors.size();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors in file order. */
    public List<ConfigError> errors() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    public static String where(Mark mark) {
        return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
