package org.bgpd.control;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Family;

/**
 * One client connection's command state: dialect, family limit and the {@code restrict} flag.
 * Runs a line and writes its whole reply. Owned by the connection's thread; not thread-safe.
 *
 * <p>Never throws for a bad command or a failing backend: every reply ends with a final line
 * (code 8099 "Internal error" when the backend fails). Only a broken client connection
 * ({@link UncheckedIOException} from the writer) escapes, and the transport then drops the client.
 */
public final class CommandSession {
    static final int INTERNAL_ERROR = 8099;

    private final ControlBackend backend;
    private final Dialect dialect;
    private final Family family;
    private final Clock clock;
    private final ZoneId zone;
    private boolean restricted;

    /** @param family the only family this socket shows, or null for both */
    public CommandSession(ControlBackend backend, Dialect dialect, Family family, Clock clock, ZoneId zone) {
        this.backend = backend;
        this.dialect = dialect;
        this.family = family;
        this.clock = clock;
        this.zone = zone;
    }

    public void execute(String line, ReplyWriter w) {
        try {
            List<ProtocolInfo> protocols = visibleProtocols();
            Set<String> names = new HashSet<>();
            for (ProtocolInfo p : protocols) names.add(p.name());
            Command c = new CommandParser(dialect, names, new HashSet<>(backend.tables())).parse(line);
            run(c, protocols, w);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            w.last(INTERNAL_ERROR, "Internal error: " + e.getClass().getSimpleName());
        }
    }

    private void run(Command c, List<ProtocolInfo> protocols, ReplyWriter w) {
        BirdTime time = new BirdTime(dialect, zone, clock.instant());
        switch (c) {
            case Command.Invalid inv -> w.last(inv.code(), inv.message());
            case Command.ShowStatus s -> StatusReply.render(w, dialect, time, backend.status());
            case Command.ShowMemory m -> MemoryReply.render(w, dialect, backend.memory());
            case Command.ShowConfd sc -> ConfdReply.render(w, time, backend.confd());
            case Command.ShowProtocols sp -> showProtocols(sp, protocols, time, w);
            case Command.ShowRoute sr -> showRoute(sr, time, w);
            case Command.Configure cf -> {
                if (denied(w)) return;
                ActionReplies.configure(w, backend.configure(cf.check(), cf.file()));
            }
            case Command.OnProtocols op -> {
                if (denied(w)) return;
                ActionReplies.onProtocols(w, backend, op, protocols);
            }
            case Command.Down d -> {
                if (denied(w)) return;
                w.last(7, "Shutdown requested");
                w.flush();
                backend.shutdown();
            }
            case Command.Restrict r -> {
                restricted = true;
                w.last(16, "Access restricted");
            }
            case Command.Json j -> new JsonReply(backend, family, restricted).run(j.command(), protocols, w);
        }
    }

    private boolean denied(ReplyWriter w) {
        if (restricted) w.last(8007, "Access denied");
        return restricted;
    }

    private void showProtocols(Command.ShowProtocols sp, List<ProtocolInfo> protocols, BirdTime time, ReplyWriter w) {
        List<ProtocolInfo> shown = select(protocols, sp.selector());
        if (shown.isEmpty()) {
            w.last(8003, "No protocols match");
            return;
        }
        boolean gr = sp.all() && backend.status().grRecovery() != null;
        ProtocolsReply.render(w, dialect, time, shown, sp.all(), gr);
    }

    static List<ProtocolInfo> select(List<ProtocolInfo> protocols, ProtocolSelector selector) {
        if (selector == null) return protocols;
        List<ProtocolInfo> out = new ArrayList<>();
        for (ProtocolInfo p : protocols) {
            if (selector.matches(p.name())) out.add(p);
        }
        return out;
    }

    private void showRoute(Command.ShowRoute sr, BirdTime time, ReplyWriter w) {
        RouteQuery q = sr.query().withFamily(family);
        if (q.address() != null && family != null && familyOf(q) != family) {
            w.last(8001, notFound());
            return;
        }
        if (sr.filtered()) {
            w.last(0, "");
            return;
        }
        if (sr.count()) {
            if (q.singleNetwork()) {
                w.last(0, "");
                return;
            }
            ActionReplies.count(w, dialect, visibleCounts(backend.countRoutes(q)));
            return;
        }
        RoutesReply reply = new RoutesReply(w, dialect, time, sr.all());
        if (q.table() != null) reply.tableHeading(q.table());
        try (RoutePages pages = backend.routes(q)) {
            for (List<RouteInfo> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                for (RouteInfo r : page) {
                    if (family == null || r.family() == family) reply.route(r);
                }
                w.flush();
            }
        }
        if (reply.printed() == 0 && q.singleNetwork()) w.last(8001, notFound());
        else w.last(0, "");
    }

    private List<TableCount> visibleCounts(List<TableCount> counts) {
        if (family == null) return counts;
        List<TableCount> out = new ArrayList<>();
        for (TableCount t : counts) {
            if (t.family() == family) out.add(t);
        }
        return out;
    }

    private static Family familyOf(RouteQuery q) {
        return q.address().getAddress().length == 4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }

    private String notFound() {
        return dialect == Dialect.BIRD2 ? "Network not found" : "Network not in table";
    }

    private List<ProtocolInfo> visibleProtocols() {
        List<ProtocolInfo> all = backend.protocols();
        if (family == null) return all;
        List<ProtocolInfo> out = new ArrayList<>();
        for (ProtocolInfo p : all) {
            if (p.family() == null || p.family() == family) out.add(p);
        }
        return out;
    }
}
