package org.bgpd.rib.policy;

/**
 * Shell-style interface name patterns as BIRD's {@code ifname ~ "cali*"}: {@code *} any run of
 * characters, {@code ?} one character, everything else literal. Stateless; safe from any thread.
 */
public final class InterfaceGlob {
    private InterfaceGlob() {}

    public static boolean matches(String pattern, String name) {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = n;
            } else if (star >= 0) {
                // backtrack: let the last star swallow one more character
                p = star + 1;
                n = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
