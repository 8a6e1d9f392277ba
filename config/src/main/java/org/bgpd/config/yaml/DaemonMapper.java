package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.check.References;
import org.bgpd.config.model.ConfdConfig;
import org.bgpd.config.model.ControlSocket;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.KernelConfig;
import org.bgpd.config.model.Listen;
import org.bgpd.config.model.LogLevel;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PrefixList;
import org.bgpd.config.model.StaticRoute;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Owned by one load; not thread-safe. Maps the top-level mapping to a {@link DaemonConfig}.
 * Sections are read in dependency order (templates before peers) whatever their order in the
 * file, and name references are checked at the end, so every error in the file is reported.
 */
final class DaemonMapper {

    static final List<String> KEYS = List.of("router-id", "local-as", "listen", "control-sockets", "log-level",
            "cluster-id", "graceful-restart", "templates", "peers", "dynamic-peers", "static-routes", "prefix-lists",
            "policies", "kernel", "confd");
    static final List<String> LISTEN_KEYS = List.of("address", "port");
    static final List<String> SOCKET_KEYS = List.of("path", "dialect", "family");
    static final List<String> GR_KEYS = List.of("enabled", "restart-time", "long-lived-stale-time");

    private final Values v;
    private final Diagnostics diag;
    private final References refs = new References();

    DaemonMapper(Diagnostics diag) {
        this.diag = diag;
        this.v = new Values(diag);
    }

    DaemonConfig read(Node root) {
        MappingReader m = MappingReader.of(root, "the configuration", KEYS, diag);
        Node rid = m.require("router-id");
        IpAddress routerId = rid == null ? null : v.ipv4(rid, "router-id");
        Node las = m.require("local-as");
        Long localAs = las == null ? null : v.asNumber(las);
        Listen listen = m.has("listen") ? readListen(m.get("listen")) : new Listen(Optional.empty(), Listen.BGP_PORT);
        List<ControlSocket> sockets = m.has("control-sockets") ? readSockets(m.get("control-sockets")) : List.of();
        LogLevel logLevel = m.has("log-level") ? v.choice(m.get("log-level"), LogLevel.values()) : LogLevel.INFO;
        IpAddress clusterId = m.has("cluster-id") ? v.ipv4(m.get("cluster-id"), "cluster-id") : routerId;
        GracefulRestart gr = m.has("graceful-restart")
                ? readGracefulRestart(m.get("graceful-restart"), GracefulRestart.DEFAULT, v) : GracefulRestart.DEFAULT;

        PolicyMapper policyMapper = new PolicyMapper(v, refs);
        Map<String, PrefixList> prefixLists = m.has("prefix-lists") ? policyMapper.readPrefixLists(m.get("prefix-lists")) : Map.of();
        Map<String, PolicyConfig> policies = m.has("policies") ? policyMapper.readPolicies(m.get("policies")) : Map.of();
        PeerMapper peerMapper = new PeerMapper(v, refs, localAs, gr);
        if (m.has("templates")) {
            peerMapper.readTemplates(m.get("templates"));
        }
        List<PeerConfig> peers = m.has("peers") ? peerMapper.readPeers(m.get("peers")) : List.of();
        List<DynamicPeerConfig> dynamic = m.has("dynamic-peers") ? peerMapper.readDynamicPeers(m.get("dynamic-peers")) : List.of();
        List<StaticRoute> statics = m.has("static-routes") ? new StaticRouteMapper(v).read(m.get("static-routes")) : List.of();
        KernelConfig kernel = KernelConfig.DISABLED;
        if (m.has("kernel")) {
            RouteMatchMapper protocols = new RouteMatchMapper(v, refs, policyMapper.prefixes());
            kernel = new KernelMapper(v, protocols, policyMapper.prefixes(), new FamilySettingsMapper(v, refs)).read(m.get("kernel"));
        }
        Optional<ConfdConfig> confd = m.has("confd") ? Optional.ofNullable(new ConfdMapper(v).read(m.get("confd"))) : Optional.empty();
        Set<String> knownPolicies = new HashSet<>(policies.keySet());
        if (m.has("policies")) {
            // A policy that failed to map is still defined: do not report every use of it as undefined too.
            knownPolicies.addAll(MappingReader.namedEntries(m.get("policies"), "policies", new Diagnostics("")).keySet());
        }
        refs.check(knownPolicies, prefixLists.keySet(), peerMapper.names(), diag);
        if (diag.hasErrors()) {
            return null;
        }
        return new DaemonConfig(routerId, localAs, listen, sockets, logLevel, clusterId, gr, peers, dynamic, statics,
                prefixLists, policies, kernel, confd);
    }

    private Listen readListen(Node node) {
        MappingReader m = MappingReader.of(node, "listen", LISTEN_KEYS, diag);
        Optional<IpAddress> address = m.has("address") ? Optional.ofNullable(v.address(m.get("address"))) : Optional.empty();
        Integer port = m.has("port") ? v.int32(m.get("port"), "port", 1, 65535) : Integer.valueOf(Listen.BGP_PORT);
        return port == null ? null : new Listen(address, port);
    }

    private List<ControlSocket> readSockets(Node node) {
        List<ControlSocket> out = new ArrayList<>();
        Map<String, Mark> seen = new HashMap<>();
        for (Node item : v.sequence(node, "control sockets")) {
            MappingReader m = MappingReader.of(item, "control socket", SOCKET_KEYS, diag);
            Node pathNode = m.require("path");
            String path = pathNode == null ? null : v.string(pathNode);
            ControlSocket.Dialect dialect = m.has("dialect")
                    ? v.choice(m.get("dialect"), ControlSocket.Dialect.values()) : ControlSocket.Dialect.BIRD2;
            ControlSocket.Scope family = m.has("family")
                    ? v.choice(m.get("family"), ControlSocket.Scope.values()) : ControlSocket.Scope.ALL;
            if (path == null || dialect == null || family == null) {
                continue;
            }
            Mark first = seen.putIfAbsent(path, pathNode.getStartMark());
            if (first != null) {
                diag.error(pathNode.getStartMark(), "duplicate control socket path '" + path + "' (first defined at "
                        + Diagnostics.where(first) + ")");
                continue;
            }
            out.add(new ControlSocket(path, dialect, family));
        }
        return out;
    }

    /** Keys not given keep {@code defaults}: a peer overrides the daemon-wide values key by key. */
    static GracefulRestart readGracefulRestart(Node node, GracefulRestart defaults, Values v) {
        MappingReader m = MappingReader.of(node, "graceful-restart", GR_KEYS, v.diagnostics());
        Boolean enabled = m.has("enabled") ? v.bool(m.get("enabled")) : Boolean.valueOf(defaults.enabled());
        // RFC 4724 §3: Restart Time is 12 bits; RFC 9494 §3: Long-lived Stale Time is 24 bits.
        Integer restart = m.has("restart-time") ? v.int32(m.get("restart-time"), "restart-time", 0, 4095)
                : Integer.valueOf(defaults.restartTime());
        Long stale = m.has("long-lived-stale-time") ? v.integer(m.get("long-lived-stale-time"), "long-lived-stale-time", 0, 0xFFFFFF)
                : Long.valueOf(defaults.longLivedStaleTime());
        if (enabled == null || restart == null || stale == null) {
            return defaults;
        }
        return new GracefulRestart(enabled, restart, stale);
    }
}
