package org.bgpd.fib.sync;

import java.util.List;

/** The outcome of one install or remove call: how many routes were sent and which failed. Immutable. */
public record FibResult(int attempted, List<RouteFailure> failures) {
    public FibResult {
        failures = List.copyOf(failures);
    }

    public int succeeded() { return attempted - failures.size(); }

    public boolean ok() { return failures.isEmpty(); }

    /** How many failures carried {@code errno}. */
    public int count(int errno) {
        int n = 0;
        for (RouteFailure f : failures) if (f.errno() == errno) n++;
        return n;
    }
}
