package org.bgpd.rib.table;

/**
 * How {@link LocRib} orders a prefix's candidates; the decision process implements it. Kept as
 * an interface here so the storage package does not depend on the decision package.
 */
public interface CandidateOrder {

    /**
     * Sorts {@code c[off, off + n)} best first (a total order that does not depend on the input
     * order) and moves the multipath set to the front.
     * @return the size of the multipath set: 0 when the best is ineligible, 1 without multipath
     */
    int sort(long[] c, int off, int n);

    /** True when a lone candidate may be best (its next hop resolves). */
    boolean eligible(long candidate);
}
