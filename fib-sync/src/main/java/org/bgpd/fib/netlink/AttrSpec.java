package org.bgpd.fib.netlink;

/**
 * One row of an attribute table: the attribute type, its name for diagnostics and the value
 * lengths the kernel may send. The generic walk in {@link AttrIndex} checks these bounds before
 * any value parser runs, as ARCHITECTURE-NOTES §2.6 asks of the BGP attribute codec.
 * Immutable; safe to share.
 */
public record AttrSpec(int type, String name, int minLen, int maxLen) {

    /** A table indexed by type code, with null for types the decoder ignores. */
    public static AttrSpec[] table(int size, AttrSpec... rows) {
        AttrSpec[] t = new AttrSpec[size];
        for (AttrSpec s : rows) t[s.type] = s;
        return t;
    }
}
