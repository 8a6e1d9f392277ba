package org.bgpd.config.check;

/**
 * Immutable; safe to share. One problem in a configuration file, with a 1-based line and column.
 * Prints as {@code file:line:column: message}, the form editors and compilers use.
 */
public record ConfigError(String file, int line, int column, String message) implements Comparable<ConfigError> {

    @Override
    public int compareTo(ConfigError o) {
        int c = Integer.compare(line, o.line);
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
