package org.bgpd.fib.sync;

import java.util.List;
import org.bgpd.fib.model.KernelRoute;

/**
 * A forwarding table bgpd writes its best routes into: the kernel through netlink
 * ({@link NetlinkFib}) or memory ({@link InMemoryFib}, for the lab and tests). Both stamp every
 * route with {@link #table()} and {@link #protocol()}, never replace or delete a route another
 * protocol owns (that comes back as EEXIST / ESRCH), and report per-route failures instead of
 * throwing. Owned by the FIB thread; not thread-safe.
 */
public interface Fib extends AutoCloseable {
    int DEFAULT_PROTOCOL = 186;

    int table();

    int protocol();

    /** Installs or replaces routes (ECMP when a route has several next hops). */
    FibResult install(List<KernelRoute> routes);

    /** Deletes routes of ours with the same table, prefix and metric. */
    FibResult remove(List<KernelRoute> routes);

    /**
     * Drops what the FIB believes about a route of ours the kernel removed on its own (a link
     * went down), so the next install creates it anew instead of replacing it.
     */
    default void forget(KernelRoute route) {}

    /** Every route the table holds, of all protocols and tables. */
    List<KernelRoute> routes();

    @Override
    void close();
}
