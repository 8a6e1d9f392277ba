package org.bgpd.rib.policy;

import java.util.List;

/**
 * A named, ordered list of rules with a default verdict when none decides; a default of
 * {@link Verdict#NEXT} hands the route to the next policy of the chain. Immutable; safe to share.
 */
public record Policy(String name, List<Rule> rules, Verdict defaultVerdict) {

    /** Built in: accept everything. */
    public static final Policy ALL = new Policy("all", List.of(), Verdict.ACCEPT);
    /** Built in: reject everything. */
    public static final Policy NONE = new Policy("none", List.of(), Verdict.REJECT);

    public Policy {
        rules = List.copyOf(rules);
    }
}
