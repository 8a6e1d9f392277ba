package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.check.References;
import org.bgpd.config.model.AsRange;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.Family;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.Listen;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.config.model.Timers;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Owned by one load; not thread-safe. Maps {@code templates}, {@code peers} and
 * {@code dynamic-peers}. A peer naming a template reads every key it does not set itself from the
 * template (a shallow merge, like BIRD's {@code template bgp} / {@code from}); the records hold the
 * result, so nothing downstream sees templates.
 */
final class PeerMapper {

    static final List<String> SETTINGS_KEYS = List.of("local-address", "port", "passive", "password", "hold-time",
            "keepalive-time", "connect-retry-time", "families", "rr-client", "next-hop-self", "next-hop-keep",
            "import", "export", "graceful-restart", "multihop", "ttl-security", "disabled", "local-as", "allow-local-as");
    static final List<String> PEER_KEYS = concat(List.of("name", "template", "address", "remote-as"));
    static final List<String> TEMPLATE_KEYS = concat(List.of("remote-as"));
    static final List<String> DYNAMIC_KEYS = concat(List.of("name", "template", "accept-from", "remote-as", "limit"));
    static final int DEFAULT_DYNAMIC_LIMIT = 1000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Values v;
    private final Diagnostics diag;
    private final References refs;
    private final Long localAs;
    private final GracefulRestart grDefaults;
    private final Map<String, MappingReader> templates = new HashMap<>();
    private final Map<String, Mark> names = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();
    private final FamilySettingsMapper families;

    PeerMapper(Values v, References refs, Long localAs, GracefulRestart grDefaults) {
        this.v = v;
        this.diag = v.diagnostics();
        this.refs = refs;
        this.localAs = localAs;
        this.grDefaults = grDefaults;
        this.families = new FamilySettingsMapper(v, refs);
    }

    private static List<String> concat(List<String> head) {
        List<String> all = new ArrayList<>(head);
        all.addAll(SETTINGS_KEYS);
        return List.copyOf(all);
    }

    /** Names of peers and dynamic peers seen so far (for {@code neighbor} matches). */
    java.util.Set<String> names() {
        return names.keySet();
    }

    void readTemplates(Node node) {
        for (Map.Entry<String, NodeTuple> e : MappingReader.namedEntries(node, "templates", diag).entrySet()) {
            templates.put(e.getKey(), MappingReader.of(e.getValue().getValueNode(),
                    "template '" + e.getKey() + "'", TEMPLATE_KEYS, diag));
        }
    }

    List<PeerConfig> readPeers(Node node) {
        List<PeerConfig> out = new ArrayList<>();
        for (Node item : v.sequence(node, "peers")) {
            PeerConfig p = readPeer(item);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    List<DynamicPeerConfig> readDynamicPeers(Node node) {
        List<DynamicPeerConfig> out = new ArrayList<>();
        for (Node item : v.sequence(node, "dynamic-peers")) {
            DynamicPeerConfig p = readDynamicPeer(item);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private PeerConfig readPeer(Node node) {
        MappingReader own = MappingReader.of(node, "peer", PEER_KEYS, diag);
        String name = readName(own, "peer");
        MappingReader m = withTemplate(own, name == null ? "peer" : "peer '" + name + "'");
        IpAddress address = m.require("address") == null ? null : v.address(m.get("address"));
        Long remoteAs = m.require("remote-as") == null ? null : v.asNumber(m.get("remote-as"));
        if (address != null) {
            Node portNode = m.get("port");
            String key = address + (portNode == null ? "" : " port " + Values.describe(portNode));
            String other = addresses.putIfAbsent(key, name == null ? "?" : name);
            if (other != null) {
                diag.error(m.get("address").getStartMark(), "duplicate peer address " + address + " (also peer '" + other + "')");
            }
        }
        Long sessionAs = m.has("local-as") ? v.asNumber(m.get("local-as")) : localAs;
        PeerSettings settings = readSettings(m, address == null ? Family.IPV4 : address.family(),
                remoteAs != null && remoteAs.equals(sessionAs));
        Node localNode = m.get("local-address");
        IpAddress local = localNode instanceof ScalarNode ls ? IpAddress.parse(ls.getValue()) : null;
        if (local != null && address != null && local.family() != address.family()) {
            diag.error(localNode.getStartMark(), "local-address " + local + " is not in the same family as address " + address);
        }
        if (name == null || address == null || remoteAs == null || settings == null) {
            return null;
        }
        return new PeerConfig(name, address, remoteAs, settings);
    }

    private DynamicPeerConfig readDynamicPeer(Node node) {
        MappingReader own = MappingReader.of(node, "dynamic peer", DYNAMIC_KEYS, diag);
        String name = readName(own, "dynamic peer");
        MappingReader m = withTemplate(own, name == null ? "dynamic peer" : "dynamic peer '" + name + "'");
        IpPrefix from = m.require("accept-from") == null ? null : v.prefix(m.get("accept-from"));
        List<AsRange> remoteAs = m.require("remote-as") == null ? null : v.asRanges(m.get("remote-as"));
        Integer limit = m.has("limit") ? v.int32(m.get("limit"), "limit", 1, 1_000_000) : Integer.valueOf(DEFAULT_DYNAMIC_LIMIT);
        Long sessionAs = m.has("local-as") ? v.asNumber(m.get("local-as")) : localAs;
        boolean ibgp = remoteAs != null && sessionAs != null && remoteAs.size() == 1
                && remoteAs.get(0).first() == sessionAs && remoteAs.get(0).last() == sessionAs;
        PeerSettings settings = readSettings(m, from == null ? Family.IPV4 : from.family(), ibgp);
        if (name == null || from == null || remoteAs == null || remoteAs.isEmpty() || limit == null || settings == null) {
            return null;
        }
        return new DynamicPeerConfig(name, from, remoteAs, limit, settings);
    }

    private String readName(MappingReader m, String what) {
        Node n = m.require("name");
        String name = n == null ? null : v.string(n);
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            diag.error(n.getStartMark(), what + " name '" + name
                    + "' must start with a letter or '_' and contain only letters, digits, '_', '-' and '.'");
            return null;
        }
        Mark first = names.putIfAbsent(name, n.getStartMark());
        if (first != null) {
            diag.error(n.getStartMark(), "duplicate peer name '" + name + "' (first defined at " + Diagnostics.where(first) + ")");
            return null;
        }
        return name;
    }

    private MappingReader withTemplate(MappingReader own, String what) {
        Node t = own.get("template");
        if (t == null) {
            return own;
        }
        String name = v.string(t);
        if (name == null) {
            return own;
        }
        MappingReader template = templates.get(name);
        if (template == null) {
            diag.error(t.getStartMark(), "template '" + name + "' is not defined");
            return own;
        }
        return own.withFallback(template);
    }

    private PeerSettings readSettings(MappingReader m, Family addressFamily, boolean ibgp) {
        int errorsBefore = diag.count();
        Optional<IpAddress> localAddress = Optional.empty();
        if (m.has("local-address")) {
            localAddress = Optional.ofNullable(v.address(m.get("local-address")));
        }
        Integer port = m.has("port") ? v.int32(m.get("port"), "port", 1, 65535) : Integer.valueOf(Listen.BGP_PORT);
        boolean passive = flag(m, "passive");
        Optional<String> password = Optional.empty();
        if (m.has("password")) {
            String pw = v.string(m.get("password"));
            if (pw != null && pw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 80) {
                diag.error(m.get("password").getStartMark(), "password is longer than 80 bytes (the TCP-MD5 key limit)");
            }
            password = Optional.ofNullable(pw);
        }
        Timers timers = readTimers(m);
        boolean rrClient = flag(m, "rr-client");
        if (rrClient && !ibgp) {
            diag.error(m.get("rr-client").getStartMark(), "rr-client needs an iBGP peer (remote-as equal to local-as)");
        }
        boolean nextHopSelf = flag(m, "next-hop-self");
        boolean nextHopKeep = flag(m, "next-hop-keep");
        if (nextHopSelf && nextHopKeep) {
            diag.error(m.get("next-hop-keep").getStartMark(), "next-hop-self and next-hop-keep cannot both be true");
        }
        GracefulRestart gr = m.has("graceful-restart")
                ? DaemonMapper.readGracefulRestart(m.get("graceful-restart"), grDefaults, v) : grDefaults;
        OptionalInt multihop = OptionalInt.empty();
        if (m.has("multihop")) {
            Integer hops = v.int32(m.get("multihop"), "multihop", 1, 255);
            multihop = hops == null ? OptionalInt.empty() : OptionalInt.of(hops);
        }
        boolean ttlSecurity = flag(m, "ttl-security");
        boolean disabled = flag(m, "disabled");
        OptionalLong sessionAs = OptionalLong.empty();
        if (m.has("local-as")) {
            Long as = v.asNumber(m.get("local-as"));
            sessionAs = as == null ? OptionalLong.empty() : OptionalLong.of(as);
        }
        Integer allowLocalAs = m.has("allow-local-as")
                ? v.int32(m.get("allow-local-as"), "allow-local-as", 0, 255) : Integer.valueOf(0);
        List<FamilyConfig> fams = families.read(m, addressFamily, m.what());
        if (diag.count() != errorsBefore || port == null || timers == null || allowLocalAs == null) {
            return null;
        }
        return new PeerSettings(localAddress, port, passive, password, timers, fams, rrClient, nextHopSelf,
                nextHopKeep, gr, multihop, ttlSecurity, disabled, sessionAs, allowLocalAs);
    }

    private boolean flag(MappingReader m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return false;
        }
        Boolean b = v.bool(n);
        return b != null && b;
    }

    /** RFC 4271 §4.2: a hold time is zero or at least three seconds; keepalive defaults to a third of it. */
    private Timers readTimers(MappingReader m) {
        Integer hold = m.has("hold-time") ? v.int32(m.get("hold-time"), "hold-time", 0, 65535) : Integer.valueOf(Timers.DEFAULT_HOLD);
        if (hold != null && (hold == 1 || hold == 2)) {
            diag.error(m.get("hold-time").getStartMark(), "hold-time must be 0 or at least 3 seconds (RFC 4271 4.2)");
            hold = null;
        }
        Integer keepalive = m.has("keepalive-time") ? v.int32(m.get("keepalive-time"), "keepalive-time", 0, 65535)
                : hold == null ? null : Integer.valueOf(hold / 3);
        Integer retry = m.has("connect-retry-time")
                ? v.int32(m.get("connect-retry-time"), "connect-retry-time", 1, 65535) : Integer.valueOf(Timers.DEFAULT_CONNECT_RETRY);
        if (hold == null || keepalive == null || retry == null) {
            return null;
        }
        if (hold > 0 && keepalive >= hold) {
            diag.error(m.get("keepalive-time").getStartMark(), "keepalive-time " + keepalive + " must be less than hold-time " + hold);
            return null;
        }
        return new Timers(hold, keepalive, retry);
    }
}
