package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.netlink.Decoded;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.fib.netlink.LinkCodec;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.netlink.NetlinkSocket;
import org.bgpd.fib.netlink.NlMessages;
import org.bgpd.fib.netlink.NlReader;
import org.bgpd.fib.netlink.NlWriter;
import org.bgpd.fib.netlink.RouteCodec;
import org.bgpd.fib.netlink.Rtnl;

/**
 * Dumps the kernel's links and routes over a request socket (multi-part RTM_GETLINK /
 * RTM_GETROUTE answers up to NLMSG_DONE). A dump the kernel marks interrupted
 * (NLM_F_DUMP_INTR: the table changed under it) is repeated. Malformed messages are counted
 * and skipped. Owned by one thread (the monitor's or the FIB's); not thread-safe.
 */
public final class KernelTables implements AutoCloseable {
    private static final int ATTEMPTS = 4;

    private final NetlinkSocket socket;
    private final NlWriter writer = new NlWriter(64);
    private final byte[] buf = new byte[1 << 16];
    private long malformed;
    private String lastMalformed;

    public KernelTables(NetlinkSocket socket) throws NetlinkException {
        this.socket = socket;
        socket.receiveTimeoutMillis(10_000);
    }

    /** Links by index. */
    public Map<Integer, KernelLink> dumpLinks() throws NetlinkException {
        Map<Integer, KernelLink> links = new HashMap<>();
        dump(true, (r, type) -> {
            if (type != Rtnl.RTM_NEWLINK) return;
            Decoded<KernelLink> d = LinkCodec.decodeLink(r);
            if (d.ok()) links.put(d.value().index(), d.value());
            else if (d.isMalformed()) countMalformed(d.error());
        }, links::clear);
        return links;
    }

    /** Routes of IPv4 and IPv6, every table; interface names resolved through {@code ifnames}. */
    public List<KernelRoute> dumpRoutes(IntFunction<String> ifnames) throws NetlinkException {
        List<KernelRoute> routes = new ArrayList<>();
        dump(false, (r, type) -> {
            if (type != Rtnl.RTM_NEWROUTE) return;
            Decoded<KernelRoute> d = RouteCodec.decode(r, ifnames);
            if (d.ok()) routes.add(d.value());
            else if (d.isMalformed()) countMalformed(d.error());
        }, routes::clear);
        return routes;
    }

    public KernelSnapshot snapshot() throws NetlinkException {
        Map<Integer, KernelLink> links = dumpLinks();
        List<KernelRoute> routes = dumpRoutes(i -> {
            KernelLink l = links.get(i);
            return l == null ? null : l.name();
        });
        return new KernelSnapshot(routes, links);
    }

    /** Kernel messages that failed to decode since this object was made. */
    public long malformed() { return malformed; }

    public String lastMalformed() { return lastMalformed; }

    private void countMalformed(String why) {
        malformed++;
        lastMalformed = why;
    }

    private interface Sink {
        void accept(NlReader body, int type);
    }

    private void dump(boolean links, Sink sink, Runnable restart) throws NetlinkException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            restart.run();
            int seq = socket.nextSeq();
            writer.reset();
            if (links) LinkCodec.encodeLinkDumpRequest(writer, seq);
            else RouteCodec.encodeDumpRequest(writer, seq);
            socket.send(writer.array(), writer.size());
            if (collect(seq, sink)) return;
        }
        throw new NetlinkException("dump (interrupted " + ATTEMPTS + " times)", Errno.EAGAIN);
    }

    /** Reads the dump answer; false when it was interrupted and must be repeated. */
    private boolean collect(int seq, Sink sink) throws NetlinkException {
        boolean interrupted = false;
        while (true) {
            int n = socket.receive(buf);
            if (n == NetlinkSocket.TIMEOUT) throw new NetlinkException("dump", Errno.ETIMEDOUT);
            if (n == NetlinkSocket.OVERRUN) return false;
            NlMessages m = new NlMessages(buf, n);
            while (m.next()) {
                if (m.seq() != seq) continue; // an answer to an older request
                if ((m.flags() & Rtnl.NLM_F_DUMP_INTR) != 0) interrupted = true;
                switch (m.type()) {
                    case Rtnl.NLMSG_DONE -> {
                        return !interrupted;
                    }
                    case Rtnl.NLMSG_ERROR -> {
                        int e = m.errorCode();
                        if (e != 0) throw new NetlinkException("dump", e);
                    }
                    default -> sink.accept(m.body(), m.type());
                }
            }
            if (m.malformed()) countMalformed("netlink header length inconsistent with datagram");
        }
    }

    @Override
    public void close() { socket.close(); }
}
