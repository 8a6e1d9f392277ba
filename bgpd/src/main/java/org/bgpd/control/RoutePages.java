package org.bgpd.control;

import java.util.List;

/**
 * The answer to a route query, handed over a page at a time so a million-route table is never
 * one list. Owned by the connection thread that asked; not thread-safe.
 *
 * <p>A backend fills each page with a bounded walk of its tables (on the RIB thread, between other
 * work) and keeps its cursor between pages. Routes of one network never straddle pages out of order:
 * they come one after another, best first.
 */
public interface RoutePages extends AutoCloseable {

    /** The next page; an empty list at the end. */
    List<RouteInfo> next();

    /** Releases the cursor; called also when the client leaves mid-reply. */
    @Override
    void close();

    static RoutePages of(List<RouteInfo> routes) {
        return new RoutePages() {
            private boolean done;

            @Override
            public List<RouteInfo> next() {
                if (done) return List.of();
                done = true;
                return routes;
            }

            @Override
            public void close() { done = true; }
        };
    }
}
