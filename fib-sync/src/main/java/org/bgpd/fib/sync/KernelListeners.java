package org.bgpd.fib.sync;

import java.util.List;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;

/**
 * One {@link RouteMonitor} feeding several listeners (the learner and the next-hop resolver), in
 * order. Called on the monitor's thread like any listener; holds no state of its own.
 */
public final class KernelListeners implements KernelListener {
    private final List<KernelListener> all;

    private KernelListeners(List<KernelListener> all) { this.all = List.copyOf(all); }

    public static KernelListener of(KernelListener... listeners) { return new KernelListeners(List.of(listeners)); }

    @Override
    public void routeAdded(KernelRoute route) { for (KernelListener l : all) l.routeAdded(route); }

    @Override
    public void routeRemoved(KernelRoute route) { for (KernelListener l : all) l.routeRemoved(route); }

    @Override
    public void resynced(Reconciliation r) { for (KernelListener l : all) l.resynced(r); }

    @Override
    public void linkChanged(KernelLink link, boolean removed) { for (KernelListener l : all) l.linkChanged(link, removed); }

    @Override
    public void monitorFailed(Exception e, boolean fatal) { for (KernelListener l : all) l.monitorFailed(e, fatal); }
}
