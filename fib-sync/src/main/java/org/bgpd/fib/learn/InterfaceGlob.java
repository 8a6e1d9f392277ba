package org.bgpd.fib.learn;

/**
 * A shell-style interface name pattern: '*' any run, '?' one character ("cali*", "tunl?").
 * Immutable; safe to share.
 */
public record InterfaceGlob(String pattern) {

    public boolean matches(String name) {
        return name != null && match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) if (match(p, pi + 1, s, k)) return true;
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) return false;
            pi++;
            si++;
        }
        return si == s.length();
    }
}
