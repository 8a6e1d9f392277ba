package org.bgpd.rib.decision;

/**
 * The steps of {@link DecisionProcess#compare}, in order. {@code compare} returns
 * {@code ±number()} of the step that decided, so callers can say why a route is best
 * ("show route all") and which candidates tie far enough to share ECMP.
 * Immutable.
 */
public enum DecisionStep {
    /** RFC 4271 §9.1.2.1: a route whose NEXT_HOP does not resolve is not eligible. */
    NEXT_HOP_RESOLVABLE(1),
    /** BIRD's protocol preference: static 200 > BGP 100 > kernel 10 by default. */
    PREFERENCE(2),
    /** RFC 9494 §4.2: a route carrying LLGR_STALE loses to any route without it. */
    LLGR_STALE(3),
    /** RFC 4271 §9.1.1: the degree of preference, LOCAL_PREF for iBGP-learned routes. */
    LOCAL_PREF(4),
    /** RFC 4271 §9.1.2.2 a. */
    AS_PATH_LENGTH(5),
    /** RFC 4271 §9.1.2.2 b. */
    ORIGIN(6),
    /** RFC 4271 §9.1.2.2 c. */
    MED(7),
    /** RFC 4271 §9.1.2.2 d. */
    EXTERNAL(8),
    /** RFC 4271 §9.1.2.2 e. */
    IGP_COST(9),
    /** RFC 4271 §9.1.2.2 f with RFC 4456 §9: ORIGINATOR_ID stands in for the BGP Identifier. */
    ROUTER_ID(10),
    /** RFC 4456 §9: shorter CLUSTER_LIST. */
    CLUSTER_LIST(11),
    /** RFC 4271 §9.1.2.2 g. */
    PEER_ADDRESS(12),
    /** Two pseudo-peers with the same address; keeps the order total. */
    CHANNEL(13),
    /** Two ADD-PATH paths of one peer (RFC 7911) equal in everything; keeps the order total. */
    PATH(14);

    private final int number;

    DecisionStep(int number) { this.number = number; }

    public int number() { return number; }

    /** The step behind a {@link DecisionProcess#compare} result. */
    public static DecisionStep of(int compareResult) {
        return values()[Math.abs(compareResult) - 1];
    }
}
