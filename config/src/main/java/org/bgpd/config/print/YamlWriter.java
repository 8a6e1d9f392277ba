package org.bgpd.config.print;

import java.util.List;

/**
 * Owned by one printer call; not thread-safe. Writes block-style YAML line by line with two-space
 * indentation; scalars are written plain when that is unambiguous, else double-quoted.
 */
final class YamlWriter {

    private final StringBuilder out = new StringBuilder();
    private int indent;
    private boolean pendingDash;

    /** {@code key: value} */
    YamlWriter entry(String key, Object value) {
        line(key + ": " + scalar(String.valueOf(value)));
        return this;
    }

    /** {@code key: "value"}, always quoted (passwords, paths a reader should not guess about). */
    YamlWriter quoted(String key, String value) {
        line(key + ": " + quote(value));
        return this;
    }

    /** {@code key: [a, b]} */
    YamlWriter flowList(String key, List<?> values) {
        StringBuilder sb = new StringBuilder(key).append(": [");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(scalar(String.valueOf(values.get(i))));
        }
        line(sb.append(']').toString());
        return this;
    }

    /** Writes {@code key:} and indents what follows until {@link #end()}. */
    YamlWriter begin(String key) {
        line(key + ":");
        indent++;
        return this;
    }

    YamlWriter end() {
        indent--;
        return this;
    }

    /** Starts a list item: the next line gets {@code "- "} and the item's keys are indented under it. */
    YamlWriter item() {
        pendingDash = true;
        indent++;
        return this;
    }

    /** A list item that is a single scalar. */
    YamlWriter scalarItem(Object value) {
        line("- " + scalar(String.valueOf(value)));
        return this;
    }

    YamlWriter comment(String text) {
        line("# " + text);
        return this;
    }

    private void line(String text) {
        if (pendingDash) {
            out.repeat("  ", indent - 1).append("- ");
            pendingDash = false;
        } else {
            out.repeat("  ", indent);
        }
        out.append(text).append('\n');
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String scalar(String s) {
        return isPlainSafe(s) ? s : quote(s);
    }

    private static boolean isPlainSafe(String s) {
        if (s.isEmpty() || s.endsWith(":")) {
            return false;
        }
        char first = s.charAt(0);
        if (!(Character.isLetterOrDigit(first) || first == '_' || first == '.' || first == '/')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '/' || c == '*' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
