package org.bgpd.fsm;

import java.util.List;

/** One FSM transition: the next state and the actions to execute, in order. Immutable. */
public record Step(SessionState next, List<Action> actions) {
    public Step {
        actions = List.copyOf(actions);
    }
}
