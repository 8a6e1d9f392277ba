package org.bgpd.rib.policy;

/** What a rule or a policy's default does with a route. Immutable. */
public enum Verdict {
    ACCEPT,
    REJECT,
    /** Continue: with the next rule, or (as a policy's default) with the next policy of the chain. */
    NEXT
}
