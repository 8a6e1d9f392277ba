package org.bgpd.rib.policy;

import java.util.List;

/**
 * One policy rule: when every condition holds, apply {@code actions}, then {@code verdict}
 * ({@link Verdict#NEXT}: go on with the following rule, keeping the changes).
 * Immutable; safe to share.
 */
public record Rule(List<Condition> conditions, List<Action> actions, Verdict verdict) {

    public Rule {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public static Rule of(Verdict verdict, Condition... conditions) { return new Rule(List.of(conditions), List.of(), verdict); }

    /** True if some action edits attributes (not only kernel directives). */
    public boolean changesAttrs() {
        for (int i = 0; i < actions.size(); i++) if (actions.get(i).changesAttrs()) return true;
        return false;
    }

    public boolean holds(RouteInput r) { return Condition.allHold(conditions, r); }
}
