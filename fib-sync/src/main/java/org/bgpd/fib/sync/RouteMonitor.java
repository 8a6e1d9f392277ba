package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.netlink.Decoded;
import org.bgpd.fib.netlink.LinkCodec;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.netlink.NetlinkSocket;
import org.bgpd.fib.netlink.NlMessages;
import org.bgpd.fib.netlink.RouteCodec;
import org.bgpd.fib.netlink.Rtnl;

/**
 * Keeps a view of the kernel's routes current: an initial dump, then route/link/address events
 * read with a blocking recv on a dedicated platform thread ("fib-monitor"). A fresh dump and a
 * {@link Reconciliation} follow whenever events cannot be trusted: ENOBUFS (events were lost),
 * a link going down or away (the kernel drops its IPv4 routes without delete events) and
 * address changes. Events queued while a dump runs are applied after it; each is idempotent
 * against the dumped state, so the view converges. The known-route map is owned by the
 * monitor thread after {@link #start()}.
 */
public final class RouteMonitor implements AutoCloseable {
    public static final int[] GROUPS = {Rtnl.RTNLGRP_IPV4_ROUTE, Rtnl.RTNLGRP_IPV6_ROUTE, Rtnl.RTNLGRP_LINK,
            Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR};
    private static final int POLL_MILLIS = 200;

    private final NetlinkSocket events;
    private final KernelTables tables;
    private final KernelListener listener;
    private final Map<RouteKey, KernelRoute> known = new HashMap<>();
    private final Map<Integer, KernelLink> links = new HashMap<>();
    private final byte[] buf = new byte[1 << 16];
    private volatile boolean running;
    private volatile boolean resyncRequested;
    private volatile long resyncs;
    private volatile long malformed;
    private Thread thread;

    /** {@code events} must have joined {@link #GROUPS}; {@code tables} dumps over another socket. */
    public RouteMonitor(NetlinkSocket events, KernelTables tables, KernelListener listener) {
        this.events = events;
        this.tables = tables;
        this.listener = listener;
    }

    /** Opens both sockets in the caller's network namespace. */
    public static RouteMonitor open(KernelListener listener) throws NetlinkException {
        NetlinkSocket ev = NetlinkSocket.open(GROUPS);
        try {
            ev.receiveBufferSize(8 << 20);
            return new RouteMonitor(ev, new KernelTables(NetlinkSocket.open()), listener);
        } catch (NetlinkException e) {
            ev.close();
            throw e;
        }
    }

    /** Dumps the kernel (subscribed first, so nothing falls between dump and events), then starts the thread. */
    public synchronized KernelSnapshot start() throws NetlinkException {
        if (thread != null) throw new IllegalStateException("already started");
        events.receiveTimeoutMillis(POLL_MILLIS);
        KernelSnapshot s = tables.snapshot();
        links.putAll(s.links());
        Reconciliation.apply("initial dump", known, s);
        running = true;
        thread = Thread.ofPlatform().name("fib-monitor").daemon(true).start(this::run);
        return s;
    }

    /** Asks the monitor thread for a fresh dump and reconciliation (within one poll interval). */
    public void requestResync() { resyncRequested = true; }

    public long resyncs() { return resyncs; }

    public long malformed() { return malformed + tables.malformed(); }

    private void run() {
        while (running) {
            try {
                int n = events.receive(buf);
                if (n == NetlinkSocket.TIMEOUT) {
                    if (resyncRequested) resync("requested");
                    continue;
                }
                if (n == NetlinkSocket.OVERRUN) {
                    resync("ENOBUFS: events lost");
                    continue;
                }
                String why = handle(n);
                if (why == null && resyncRequested) why = "requested";
                if (why != null) resync(why);
            } catch (NetlinkException e) {
                if (!running) return;
                listener.monitorFailed(e, false);
                resyncRequested = true;
            } catch (RuntimeException e) {
                listener.monitorFailed(e, true);
                return;
            }
        }
    }

    /** Applies one datagram of events; returns why a resync is needed, or null. */
    private String handle(int n) {
        String resync = null;
        NlMessages m = new NlMessages(buf, n);
        while (m.next()) {
            switch (m.type()) {
                case Rtnl.RTM_NEWROUTE, Rtnl.RTM_DELROUTE -> {
                    Decoded<KernelRoute> d = RouteCodec.decode(m.body(), this::ifname);
                    if (d.isMalformed()) malformed++;
                    else if (d.ok()) {
                        if (m.type() == Rtnl.RTM_NEWROUTE) added(d.value(), (m.flags() & Rtnl.NLM_F_APPEND) != 0);
                        else removed(d.value());
                    }
                }
                case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK -> {
                    Decoded<KernelLink> d = LinkCodec.decodeLink(m.body());
                    if (d.isMalformed()) malformed++;
                    if (!d.ok()) continue;
                    KernelLink link = d.value();
                    boolean removed = m.type() == Rtnl.RTM_DELLINK;
                    KernelLink before = removed ? links.remove(link.index()) : links.put(link.index(), link);
                    if (removed || (before != null && before.up() && !link.up())
                            || (before != null && before.running() && !link.running()))
                        resync = "link " + link.name() + (removed ? " removed" : " down");
                    if (before == null || before.flags() != link.flags() || !before.name().equals(link.name()) || removed)
                        listener.linkChanged(link, removed);
                }
                case Rtnl.RTM_NEWADDR, Rtnl.RTM_DELADDR -> resync = "address change";
                default -> { }
            }
        }
        if (m.malformed()) malformed++;
        return resync;
    }

    private void added(KernelRoute r, boolean append) {
        KernelRoute old = known.get(r.key());
        // IPv6 reports ECMP hops appended to an existing route one message per hop.
        if (append && old != null) {
            List<KernelNextHop> hops = new ArrayList<>(old.nextHops());
            hops.addAll(r.nextHops());
            r = r.withNextHops(hops);
        }
        known.put(r.key(), r);
        if (old == null || !old.sameRoute(r)) listener.routeAdded(r);
    }

    private void removed(KernelRoute r) {
        KernelRoute old = known.get(r.key());
        if (old == null) return;
        // IPv6 deletes one ECMP hop per message; the route stays while hops remain.
        if (old.nextHops().size() > r.nextHops().size() && !r.nextHops().isEmpty()) {
            List<KernelNextHop> left = new ArrayList<>(old.nextHops());
            for (KernelNextHop gone : r.nextHops()) left.removeIf(h -> h.gateway() != null && h.gateway().equals(gone.gateway()) && h.ifindex() == gone.ifindex());
            if (!left.isEmpty() && left.size() < old.nextHops().size()) {
                KernelRoute kept = old.withNextHops(left);
                known.put(r.key(), kept);
                listener.routeAdded(kept);
                return;
            }
        }
        known.remove(r.key());
        listener.routeRemoved(old);
    }

    private String ifname(int index) {
        KernelLink l = links.get(index);
        return l == null ? null : l.name();
    }

    private void resync(String reason) {
        resyncRequested = false;
        try {
            KernelSnapshot s = tables.snapshot();
            links.clear();
            links.putAll(s.links());
            Reconciliation r = Reconciliation.apply(reason, known, s);
            resyncs++;
            listener.resynced(r);
        } catch (NetlinkException e) {
            listener.monitorFailed(e, false);
            resyncRequested = true;
        }
    }

    /** Stops the thread (within one poll interval) and closes both sockets. */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.close();
        tables.close();
    }
}
