package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.netlink.NetlinkSocket;
import org.bgpd.fib.netlink.NlMessages;
import org.bgpd.fib.netlink.NlWriter;
import org.bgpd.fib.netlink.RouteCodec;
import org.bgpd.fib.netlink.Rtnl;
import org.bgpd.rib.route.Family;

/**
 * Batched RTM_NEWROUTE / RTM_DELROUTE for bgpd's own routes: up to {@link #MAX_BATCH} messages
 * (or {@link #MAX_BATCH_BYTES}) per send, every one with NLM_F_ACK, the acks matched back to
 * their route by sequence number. Ownership is enforced here: a key bgpd has not installed is
 * created with NLM_F_EXCL, so another protocol's route is never replaced (EEXIST instead), and
 * deletes are only issued for keys bgpd owns and carry bgpd's protocol, which the kernel also
 * matches. Owned by the FIB thread; not thread-safe.
 */
public final class FibWriter implements AutoCloseable {
    public static final int MAX_BATCH = 512;
    public static final int MAX_BATCH_BYTES = 64 << 10;
    /** The metric the kernel gives IPv6 routes that name none (IP6_RT_PRIO_USER). */
    static final int IPV6_DEFAULT_METRIC = 1024;

    private final NetlinkSocket socket;
    private final int table;
    private final int protocol;
    private final Set<RouteKey> owned = new HashSet<>();
    private final NlWriter writer = new NlWriter(MAX_BATCH_BYTES + 4096);
    private final byte[] buf = new byte[1 << 16];

    public FibWriter(NetlinkSocket socket, int table, int protocol) throws NetlinkException {
        if (table <= 0 || protocol <= 0 || protocol > 255) throw new IllegalArgumentException("table " + table + " / protocol " + protocol);
        this.socket = socket;
        this.table = table;
        this.protocol = protocol;
        socket.receiveBufferSize(4 << 20);
        socket.receiveTimeoutMillis(10_000);
        socket.enableExtendedAck();
    }

    public int table() { return table; }

    public int protocol() { return protocol; }

    /** Takes over routes of our table and protocol found in a dump (left by a previous run). */
    public void adopt(Collection<KernelRoute> dumped) {
        for (KernelRoute r : dumped) if (r.table() == table && r.protocol() == protocol) owned.add(r.key());
    }

    /** Forgets a route the kernel dropped on its own (link down), so it is created anew. */
    public void forget(KernelRoute r) { owned.remove(stamp(r).key()); }

    public boolean owns(KernelRoute r) { return owned.contains(stamp(r).key()); }

    public int ownedCount() { return owned.size(); }

    /** Our table and protocol on the route; IPv6 gets the kernel's default metric so keys match dumps. */
    KernelRoute stamp(KernelRoute r) {
        KernelRoute s = r.withOwner(table, protocol);
        if (s.family() == Family.IPV6_UNICAST && s.metric() == 0) s = s.withMetric(IPV6_DEFAULT_METRIC);
        return s;
    }

    public FibResult install(List<KernelRoute> routes) throws NetlinkException {
        List<KernelRoute> stamped = new ArrayList<>(routes.size());
        for (KernelRoute r : routes) stamped.add(stamp(r));
        List<RouteFailure> failures = new ArrayList<>();
        run(stamped, true, failures);
        return new FibResult(routes.size(), failures);
    }

    public FibResult remove(List<KernelRoute> routes) throws NetlinkException {
        List<KernelRoute> ours = new ArrayList<>(routes.size());
        List<RouteFailure> failures = new ArrayList<>();
        for (KernelRoute r : routes) {
            KernelRoute s = stamp(r);
            if (owned.contains(s.key())) ours.add(s);
            else failures.add(new RouteFailure(s, "delete", Errno.ESRCH, "no route of protocol " + protocol + " installed by bgpd"));
        }
        run(ours, false, failures);
        return new FibResult(routes.size(), failures);
    }

    private void run(List<KernelRoute> routes, boolean install, List<RouteFailure> failures) throws NetlinkException {
        int i = 0;
        while (i < routes.size()) {
            writer.reset();
            int firstSeq = socket.nextSeq();
            int count = 0;
            while (i + count < routes.size() && count < MAX_BATCH && writer.size() < MAX_BATCH_BYTES) {
                KernelRoute r = routes.get(i + count);
                int seq = count == 0 ? firstSeq : socket.nextSeq();
                if (install) {
                    int flags = Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE
                            | (owned.contains(r.key()) ? Rtnl.NLM_F_REPLACE : Rtnl.NLM_F_EXCL);
                    RouteCodec.encode(writer, Rtnl.RTM_NEWROUTE, flags, seq, r);
                } else {
                    // Scope NOWHERE and no next hops: match the route whatever they are, as `ip route del` does.
                    KernelRoute del = new KernelRoute(r.prefix(), table, protocol, RouteType.UNSPEC, r.metric(), 255, r.tos(), List.of());
                    RouteCodec.encode(writer, Rtnl.RTM_DELROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK, seq, del);
                }
                count++;
            }
            socket.send(writer.array(), writer.size());
            collectAcks(routes, i, count, firstSeq, install, failures);
            i += count;
        }
    }

    private void collectAcks(List<KernelRoute> routes, int base, int count, int firstSeq, boolean install,
                             List<RouteFailure> failures) throws NetlinkException {
        String op = install ? "install" : "delete";
        boolean[] done = new boolean[count];
        int pending = count;
        while (pending > 0) {
            int n = socket.receive(buf);
            if (n == NetlinkSocket.TIMEOUT || n == NetlinkSocket.OVERRUN) {
                // The acks are lost; the routes may or may not have been applied.
                int errno = n == NetlinkSocket.TIMEOUT ? Errno.ETIMEDOUT : Errno.ENOBUFS;
                for (int k = 0; k < count; k++)
                    if (!done[k]) failures.add(new RouteFailure(routes.get(base + k), op, errno, "no acknowledgement"));
                return;
            }
            NlMessages m = new NlMessages(buf, n);
            while (m.next()) {
                if (m.type() != Rtnl.NLMSG_ERROR) continue;
                int k = m.seq() - firstSeq;
                if (k < 0 || k >= count || done[k]) continue;
                done[k] = true;
                pending--;
                KernelRoute r = routes.get(base + k);
                int errno = m.errorCode();
                if (errno == 0) {
                    if (install) owned.add(r.key());
                    else owned.remove(r.key());
                } else {
                    if (!install && errno == Errno.ESRCH) owned.remove(r.key());
                    failures.add(new RouteFailure(r, op, errno, m.errorMessage()));
                }
            }
        }
    }

    @Override
    public void close() { socket.close(); }
}
