package org.bgpd.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.model.StaticTarget;
import org.bgpd.control.ConfdInfo;
import org.bgpd.control.ConfigureResult;
import org.bgpd.control.ControlBackend;
import org.bgpd.control.MemoryInfo;
import org.bgpd.control.ProtocolAction;
import org.bgpd.control.ProtocolInfo;
import org.bgpd.control.RouteInfo;
import org.bgpd.control.RoutePages;
import org.bgpd.control.RouteQuery;
import org.bgpd.control.StatusInfo;
import org.bgpd.control.TableCount;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.loop.RouteView;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.session.PeerSession;

/**
 * The running {@link Daemon} as the control socket sees it. Sessions are read through their
 * published snapshots, the RIB through its inbox ({@link RibAsk}, {@link RibRoutePages}), so no
 * call here ever holds up a session or the RIB. Thread-safe: every control client calls from its
 * own thread.
 */
public final class DaemonControlBackend implements ControlBackend {
    private static final List<String> TABLES = List.of("master4", "master6");

    private final Daemon daemon;
    private final ProtocolActions actions;
    private final String hostname;
    private final RoutePageFigures routePages = new RoutePageFigures();

    public DaemonControlBackend(Daemon daemon) {
        this.daemon = daemon;
        this.actions = new ProtocolActions(daemon.rib(), daemon.config().peers());
        this.hostname = hostname();
    }

    /** What this backend's {@code show route} walks hold and abandon. */
    RoutePageFigures routePages() { return routePages; }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public StatusInfo status() {
        DaemonConfig cfg = daemon.config();
        return new StatusInfo(Addresses.text(cfg.routerId().address()), hostname, Instant.now(), daemon.started(),
                daemon.lastReconfiguration(), StatusInfo.Phase.RUNNING,
                daemon.recovery().status(daemon.kernel().convergence()));
    }

    @Override
    public ConfdInfo confd() {
        EmbeddedConfd c = daemon.confd();
        return c == null ? null : c.info();
    }

    @Override
    public MemoryInfo memory() {
        long configBytes;
        try {
            configBytes = Files.size(daemon.configPath());
        } catch (IOException | RuntimeException e) {
            configBytes = 0;
        }
        return MemoryFigures.of(stats(), localProtocols().size() + daemon.config().peers().size(), configBytes);
    }

    private RibStats stats() {
        return RibAsk.ask(daemon.rib(), RibCommand.Stats::new);
    }

    private List<LocalProtocol> localProtocols() {
        return LocalProtocol.of(daemon.config(), Daemon.STATIC_PEER, daemon.started(), daemon.kernel());
    }

    @Override
    public List<ProtocolInfo> protocols() {
        RibStats stats = stats();
        DaemonConfig cfg = daemon.config();
        List<ProtocolInfo> out = new ArrayList<>();
        for (LocalProtocol lp : localProtocols()) out.add(lp.row(stats));
        for (PeerConfig pc : daemon.runningPeers()) {
            PeerSession s = daemon.session(pc.name());
            if (s == null) continue;
            out.add(BgpProtocolRow.of(pc, daemon.ribIndex(pc.name()), s.snapshot(), actions.enabled(pc.name()),
                    pc.settings().effectiveLocalAs(cfg.localAs()), stats));
        }
        return out;
    }

    @Override
    public List<String> tables() { return TABLES; }

    @Override
    public RoutePages routes(RouteQuery q) {
        RouteFilter filter = filter(q);
        if (filter == null || q.exportOf() != null) return RoutePages.of(List.of());
        RouteRows rows = rows();
        if (q.singleNetwork()) {
            Prefix p = Prefix.parse(q.address().getHostAddress() + "/" + q.length());
            List<RouteView> views = q.covering()
                    ? RibAsk.<List<RouteView>>ask(daemon.rib(), reply -> new RibCommand.QueryFor(p, reply))
                    : RibAsk.<List<RouteView>>ask(daemon.rib(), reply -> new RibCommand.Query(p, reply));
            List<RouteInfo> out = new ArrayList<>(views.size());
            for (RouteView v : views) {
                if (filter.test(v)) out.add(rows.of(v));
            }
            return RoutePages.of(out);
        }
        return new RibRoutePages(daemon.rib(), filter.family, filter.peer, rows, filter, routePages);
    }

    @Override
    public List<TableCount> countRoutes(RouteQuery q) {
        RouteFilter filter = filter(q);
        Family only = q.table() != null ? family(q.table()) : q.family();
        List<TableCount> out = new ArrayList<>(2);
        for (Family f : Family.values()) {
            if (only != null && f != only) continue;
            long shown = 0, total = 0, networks = 0;
            Prefix last = null;
            try (RibRoutePages pages = new RibRoutePages(daemon.rib(), f, -1, rows(), v -> true, routePages)) {
                for (List<RouteView> page = pages.nextViews(); !page.isEmpty(); page = pages.nextViews()) {
                    for (RouteView v : page) {
                        total++;
                        if (!v.prefix().equals(last)) networks++;
                        last = v.prefix();
                        if (filter != null && filter.test(v)) shown++;
                    }
                }
            }
            out.add(new TableCount(CapabilityRows.tableName(f), f, shown, total, networks));
        }
        return out;
    }

    /** Which routes a query shows; null when it names a protocol we do not have. */
    private RouteFilter filter(RouteQuery q) {
        Family family = q.table() != null ? family(q.table()) : q.family();
        if (q.table() != null && q.family() != null && family != q.family()) return null;
        int peer = -1;
        if (q.protocol() != null) {
            ProtocolRef ref = protocol(q.protocol());
            if (ref == null) return null;
            peer = ref.peer;
            if (ref.family != null) {
                if (family != null && family != ref.family) return null;
                family = ref.family;
            }
        }
        return new RouteFilter(family, peer, q.primaryOnly());
    }

    private static Family family(String table) {
        return "master6".equals(table) ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
    }

    /** A protocol name as the RIB knows it: a peer index, and the family for per-family local protocols. */
    private record ProtocolRef(int peer, Family family) {}

    private ProtocolRef protocol(String name) {
        for (LocalProtocol lp : localProtocols()) {
            if (lp.name().equals(name)) return new ProtocolRef(lp.peer(), lp.kind() == PeerKind.KERNEL ? null : lp.family());
        }
        if (daemon.session(name) != null) return new ProtocolRef(daemon.ribIndex(name), null);
        return null;
    }

    private RouteRows rows() {
        DaemonConfig cfg = daemon.config();
        Map<Integer, String> byIndex = new HashMap<>();
        for (PeerConfig pc : daemon.runningPeers()) byIndex.put(daemon.ribIndex(pc.name()), pc.name());
        List<LocalProtocol> locals = localProtocols();
        Map<Prefix, RouteInfo.RouteDest> dests = new HashMap<>();
        for (StaticRoute r : cfg.staticRoutes()) {
            RouteInfo.RouteDest d = switch (r.target()) {
                case StaticTarget.Blackhole b -> RouteInfo.RouteDest.BLACKHOLE;
                case StaticTarget.Unreachable u -> RouteInfo.RouteDest.UNREACHABLE;
                case StaticTarget.NextHop n -> RouteInfo.RouteDest.UNICAST;
            };
            dests.put(Addresses.prefix(r.prefix()), d);
        }
        return new RouteRows((peer, f) -> {
            for (LocalProtocol lp : locals) {
                if (lp.holds(peer, f)) return lp.name();
            }
            String n = byIndex.get(peer);
            return n != null ? n : "peer" + peer;
        }, dests);
    }

    /** The socket's and the query's restrictions applied to each route the RIB hands out. */
    private record RouteFilter(Family family, int peer, boolean primaryOnly) implements Predicate<RouteView> {
        @Override
        public boolean test(RouteView v) {
            if (family != null && v.prefix().family() != family) return false;
            if (peer >= 0 && v.peer() != peer) return false;
            return !primaryOnly || v.best();
        }
    }

    @Override
    public ConfigureResult configure(boolean check, String file) {
        return daemon.configure(check, file == null ? null : Path.of(file));
    }

    @Override
    public ProtocolAction.Outcome protocolAction(ProtocolAction action, String protocol) {
        PeerSession s = daemon.session(protocol);
        if (s != null) return actions.apply(action, s, daemon.ribIndex(protocol));
        for (LocalProtocol lp : localProtocols()) {
            if (!lp.name().equals(protocol)) continue;
            // Local protocols always run; their routes are the configuration's, so a reload has nothing to fetch.
            return switch (action) {
                case ENABLE -> ProtocolAction.Outcome.ALREADY;
                case RELOAD, RELOAD_IN, RELOAD_OUT -> ProtocolAction.Outcome.DONE;
                case DISABLE, RESTART -> ProtocolAction.Outcome.SILENT;
            };
        }
        return ProtocolAction.Outcome.SILENT;
    }

    @Override
    public void shutdown() {
        daemon.requestShutdown();
    }

    @Override
    public void gracefulRestart() {
        daemon.requestGracefulShutdown();
    }
}
