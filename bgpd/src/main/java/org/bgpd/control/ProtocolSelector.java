package org.bgpd.control;

/**
 * Which protocols a command names: {@code all}, one protocol by name, or a quoted shell-style
 * pattern ({@code "Node_*"}). Immutable; safe to share.
 */
public record ProtocolSelector(Kind kind, String text) {

    public enum Kind { ALL, NAME, PATTERN }

    public static final ProtocolSelector ALL = new ProtocolSelector(Kind.ALL, "all");

    public boolean matches(String name) {
        return switch (kind) {
            case ALL -> true;
            case NAME -> text.equals(name);
            case PATTERN -> globMatches(text, 0, name, 0);
        };
    }

    /** BIRD's patmatch(): '*' any run, '?' any one character. */
    static boolean globMatches(String pattern, int p, String s, int i) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = i; k <= s.length(); k++) {
                    if (globMatches(pattern, p + 1, s, k)) return true;
                }
                return false;
            }
            if (i >= s.length() || (c != '?' && c != s.charAt(i))) return false;
            p++;
            i++;
        }
        return i == s.length();
    }
}
