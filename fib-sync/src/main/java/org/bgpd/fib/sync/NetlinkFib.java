package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.netlink.NetlinkSocket;

/**
 * The kernel FIB: {@link FibWriter} for changes, {@link KernelTables} for dumps, on two sockets
 * opened in the caller's network namespace. On open it adopts routes of its table and protocol
 * left by an earlier run, so they can be replaced or withdrawn. A socket error turns every route
 * of the call into a failure with that errno. Owned by the FIB thread; not thread-safe.
 */
public final class NetlinkFib implements Fib {
    private final FibWriter writer;
    private final KernelTables tables;

    private NetlinkFib(FibWriter writer, KernelTables tables) {
        this.writer = writer;
        this.tables = tables;
    }

    public static NetlinkFib open(int table, int protocol) throws NetlinkException {
        NetlinkSocket w = NetlinkSocket.open();
        NetlinkSocket d = null;
        try {
            d = NetlinkSocket.open();
            NetlinkFib fib = new NetlinkFib(new FibWriter(w, table, protocol), new KernelTables(d));
            fib.writer.adopt(fib.tables.dumpRoutes(null));
            return fib;
        } catch (NetlinkException e) {
            w.close();
            if (d != null) d.close();
            throw e;
        }
    }

    public FibWriter writer() { return writer; }

    @Override
    public int table() { return writer.table(); }

    @Override
    public int protocol() { return writer.protocol(); }

    @Override
    public FibResult install(List<KernelRoute> routes) {
        try {
            return writer.install(routes);
        } catch (NetlinkException e) {
            return allFailed(routes, "install", e);
        }
    }

    @Override
    public FibResult remove(List<KernelRoute> routes) {
        try {
            return writer.remove(routes);
        } catch (NetlinkException e) {
            return allFailed(routes, "delete", e);
        }
    }

    private static FibResult allFailed(List<KernelRoute> routes, String op, NetlinkException e) {
        List<RouteFailure> f = new ArrayList<>(routes.size());
        for (KernelRoute r : routes) f.add(new RouteFailure(r, op, e.errno(), e.getMessage()));
        return new FibResult(routes.size(), f);
    }

    @Override
    public void forget(KernelRoute route) { writer.forget(route); }

    /** A dump of every table; an empty list if the dump itself failed. */
    @Override
    public List<KernelRoute> routes() {
        try {
            return tables.snapshot().routes();
        } catch (NetlinkException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        tables.close();
        writer.close();
    }
}
