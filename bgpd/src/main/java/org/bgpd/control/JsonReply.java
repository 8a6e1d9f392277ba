package org.bgpd.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.bgpd.rib.route.Family;

/**
 * Answers {@code json <command>} for {@code bgpctl --json}: one JSON object per {@code 1200} line,
 * then {@code 0000}; errors stay BIRD's 8xxx/9xxx lines. The schema of each object is in JSON.md
 * beside this file. Objects are built field by field (no reflective binding) so the schema is
 * exactly what this class writes. Owned by one command execution; not thread-safe.
 */
final class JsonReply {
    static final int CODE = 1200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ControlBackend backend;
    private final Family family;
    private final boolean restricted;

    JsonReply(ControlBackend backend, Family family, boolean restricted) {
        this.backend = backend;
        this.family = family;
        this.restricted = restricted;
    }

    void run(Command c, List<ProtocolInfo> protocols, ReplyWriter w) {
        switch (c) {
            case Command.Invalid inv -> w.last(inv.code(), inv.message());
            case Command.ShowStatus s -> emit(w, status(backend.status()));
            case Command.ShowMemory m -> emit(w, memory(backend.memory()));
            case Command.ShowConfd sc -> emit(w, confd(backend.confd()));
            case Command.ShowProtocols sp -> {
                List<ProtocolInfo> shown = CommandSession.select(protocols, sp.selector());
                if (shown.isEmpty()) {
                    w.last(8003, "No protocols match");
                    return;
                }
                for (ProtocolInfo p : shown) w.line(CODE, write(protocol(p)));
                w.last(0, "");
            }
            case Command.ShowRoute sr -> routes(sr, w);
            case Command.Configure cf -> {
                if (denied(w)) return;
                ConfigureResult r = backend.configure(cf.check(), cf.file());
                ObjectNode o = node("configure");
                o.put("outcome", r.outcome().name());
                o.put("file", r.fileName());
                o.put("error", r.error());
                var plan = o.putArray("plan");
                for (String step : r.plan()) plan.add(step);
                emit(w, o);
            }
            case Command.OnProtocols op -> {
                if (denied(w)) return;
                List<ProtocolInfo> targets = CommandSession.select(protocols, op.selector());
                if (targets.isEmpty()) {
                    w.last(8003, "No protocols match");
                    return;
                }
                for (ProtocolInfo p : targets) {
                    ObjectNode o = node("protocolAction");
                    o.put("action", op.action().name());
                    o.put("protocol", p.name());
                    o.put("outcome", backend.protocolAction(op.action(), p.name()).name());
                    w.line(CODE, write(o));
                }
                w.last(0, "");
            }
            case Command.Down d -> w.last(9001, "json: not for down");
            case Command.GracefulRestart g -> w.last(9001, "json: not for graceful restart");
            case Command.Restrict r -> w.last(9001, "json: not for restrict");
            case Command.Json j -> w.last(9001, "json: nested json");
        }
    }

    private boolean denied(ReplyWriter w) {
        if (restricted) w.last(8007, "Access denied");
        return restricted;
    }

    private void routes(Command.ShowRoute sr, ReplyWriter w) {
        RouteQuery q = sr.query().withFamily(family);
        if (sr.count()) {
            for (TableCount t : backend.countRoutes(q)) {
                if (family != null && t.family() != family) continue;
                ObjectNode o = node("routeCount");
                o.put("table", t.table());
                o.put("shown", t.shownRoutes());
                o.put("total", t.totalRoutes());
                o.put("networks", t.networks());
                w.line(CODE, write(o));
            }
            w.last(0, "");
            return;
        }
        long n = 0;
        try (RoutePages pages = backend.routes(q)) {
            for (List<RouteInfo> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                for (RouteInfo r : page) {
                    if (family != null && r.family() != family) continue;
                    w.line(CODE, write(route(r, sr.all())));
                    n++;
                }
                w.flush();
            }
        }
        if (n == 0 && q.singleNetwork()) w.last(8001, "Network not found");
        else w.last(0, "");
    }

    static ObjectNode status(StatusInfo s) {
        ObjectNode o = node("status");
        o.put("routerId", s.routerId());
        o.put("hostname", s.hostname());
        o.put("serverTime", iso(s.serverTime()));
        o.put("lastReboot", iso(s.lastReboot()));
        o.put("lastReconfiguration", iso(s.lastReconfiguration()));
        o.put("phase", s.phase().name());
        StatusInfo.GrRecovery gr = s.grRecovery();
        if (gr == null) {
            o.putNull("gracefulRestart");
        } else {
            ObjectNode g = o.putObject("gracefulRestart");
            g.put("waiting", gr.waiting());
            g.put("remainingMs", gr.remainingMillis());
            g.put("waitSeconds", gr.waitSeconds());
        }
        return o;
    }

    static ObjectNode memory(MemoryInfo m) {
        ObjectNode o = node("memory");
        use(o, "routingTables", m.routingTables());
        use(o, "routeAttributes", m.routeAttributes());
        use(o, "protocols", m.protocols());
        use(o, "currentConfig", m.currentConfig());
        use(o, "standby", m.standby());
        use(o, "total", m.total());
        return o;
    }

    private static void use(ObjectNode o, String name, MemoryInfo.Use u) {
        ObjectNode n = o.putObject(name);
        n.put("effective", u.effective());
        n.put("overhead", u.overhead());
    }

    static ObjectNode protocol(ProtocolInfo p) {
        ObjectNode o = node("protocol");
        o.put("name", p.name());
        o.put("proto", p.proto());
        o.put("table", p.table());
        o.put("state", p.state().text());
        o.put("since", iso(p.since()));
        o.put("info", p.info());
        o.put("description", p.description());
        BgpInfo b = p.bgp();
        if (b == null) {
            o.putNull("bgp");
        } else {
            ObjectNode g = o.putObject("bgp");
            g.put("state", b.state());
            g.put("neighborAddress", b.neighborAddress());
            g.put("neighborAs", b.neighborAs());
            g.put("localAs", b.localAs());
            g.put("neighborId", b.neighborId());
            g.put("sourceAddress", b.sourceAddress());
            g.put("neighborGracefulRestartActive", b.neighborGrActive());
            g.put("holdTimerMs", b.holdTimer() == null ? null : b.holdTimer().remainingMillis());
            g.put("holdTime", b.holdTimer() == null ? null : b.holdTimer().limit());
            g.put("keepaliveTimerMs", b.keepaliveTimer() == null ? null : b.keepaliveTimer().remainingMillis());
            g.put("keepaliveTime", b.keepaliveTimer() == null ? null : b.keepaliveTimer().limit());
            g.put("lastError", b.lastError());
        }
        ArrayNode chans = o.putArray("channels");
        for (ChannelInfo c : p.channels()) {
            ObjectNode n = chans.addObject();
            n.put("name", c.name());
            n.put("state", c.state());
            n.put("table", c.table());
            n.put("preference", c.preference());
            n.put("inputFilter", c.inputFilter());
            n.put("outputFilter", c.outputFilter());
            ChannelInfo.RouteCounts r = c.routes();
            n.put("imported", r == null ? 0 : r.imported());
            n.put("exported", r == null ? 0 : r.exported());
            n.put("preferred", r == null ? 0 : r.preferred());
        }
        return o;
    }

    static ObjectNode route(RouteInfo r, boolean all) {
        ObjectNode o = node("route");
        o.put("table", r.table());
        o.put("prefix", r.prefix());
        o.put("protocol", r.protocol());
        o.put("since", iso(r.since()));
        o.put("primary", r.primary());
        o.put("preference", r.preference());
        if (r.stale()) o.put("stale", true);
        o.put("dest", r.dest().text());
        o.put("from", r.from());
        ArrayNode hops = o.putArray("nextHops");
        for (RouteInfo.NextHopInfo nh : r.nextHops()) {
            ObjectNode h = hops.addObject();
            h.put("gateway", nh.gateway());
            h.put("iface", nh.iface());
            h.put("weight", nh.weight());
        }
        if (all) {
            o.put("source", r.source());
            o.put("scope", r.scope());
            ObjectNode attrs = o.putObject("attributes");
            for (RouteInfo.RouteAttribute a : r.attributes()) attrs.put(a.name(), a.value());
        }
        return o;
    }

    private static ObjectNode confd(ConfdInfo c) {
        ObjectNode o = node("confd");
        o.put("running", c != null);
        if (c == null) return o;
        o.put("backend", c.backend());
        o.put("node", c.node());
        o.put("file", c.file());
        o.put("connected", c.connected());
        o.put("revision", c.revision());
        o.put("lastRender", iso(c.lastRender()));
        o.put("lastError", c.lastError());
        o.put("reloads", c.reloads());
        return o;
    }

    private static ObjectNode node(String type) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", type);
        return o;
    }

    private static String iso(Instant t) { return t == null ? null : t.toString(); }

    private static void emit(ReplyWriter w, ObjectNode o) {
        w.line(CODE, write(o));
        w.last(0, "");
    }

    static String write(ObjectNode o) {
        // A tree of plain nodes cannot fail to serialise; toString() uses the same mapper settings.
        return o.toString();
    }
}
