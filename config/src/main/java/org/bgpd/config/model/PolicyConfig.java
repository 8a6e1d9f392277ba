package org.bgpd.config.model;

import java.util.List;

/**
 * Immutable; safe to share. A named, ordered list of rules. The first rule whose match holds
 * applies its changes; its verdict {@code accept}/{@code reject} ends evaluation, {@code next}
 * continues with the following rule. When no rule decides, {@code defaultVerdict} does, and a
 * {@code next} there passes the route to the next policy in the peer's chain.
 */
public record PolicyConfig(String name, List<PolicyRule> rules, Verdict defaultVerdict) {

    /** Built-in policy names that every chain may use: accept everything / reject everything. */
    public static final String ALL = "all";
    public static final String NONE = "none";

    public PolicyConfig {
        rules = List.copyOf(rules);
    }

    public static boolean isBuiltIn(String name) {
        return ALL.equals(name) || NONE.equals(name);
    }
}
