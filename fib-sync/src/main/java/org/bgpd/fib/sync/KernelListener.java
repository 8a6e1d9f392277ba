package org.bgpd.fib.sync;

import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;

/**
 * Receives kernel changes from {@link RouteMonitor}. Called on the monitor's thread, one call at
 * a time; implementations hand work to their own thread (the RIB inbox) and return quickly.
 */
public interface KernelListener {
    /** A route appeared or changed (same table, prefix, tos and metric; new content). */
    void routeAdded(KernelRoute route);

    void routeRemoved(KernelRoute route);

    /** A fresh dump replaced the known state; {@code r} lists what differed from it. */
    void resynced(Reconciliation r);

    void linkChanged(KernelLink link, boolean removed);

    /** The monitor hit a socket error; it keeps trying unless {@code fatal}. */
    default void monitorFailed(Exception e, boolean fatal) {}
}
