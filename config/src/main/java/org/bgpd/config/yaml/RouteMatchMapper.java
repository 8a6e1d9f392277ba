package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.check.References;
import org.bgpd.config.model.Community;
import org.bgpd.config.model.Family;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.Numbers;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteMatch;
import org.bgpd.config.model.RouteSource;
import org.bgpd.config.model.RouteType;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Owned by one load; not thread-safe. Maps a rule's {@code match} block. Every condition accepts
 * one value or a list (any of); {@code next-hop} takes addresses or prefixes; {@code neighbor}
 * takes addresses or peer names, checked once all peers are known.
 */
final class RouteMatchMapper {

    static final List<String> KEYS = List.of("prefix", "prefix-list", "community", "large-community",
            "as-path-contains", "origin-as", "next-hop", "neighbor", "family", "source", "interface",
            "kernel-protocol", "route-type", "not");

    /** Names from iproute2's rt_protos; anything else is written as a number 0..255. */
    static final Map<String, Integer> KERNEL_PROTOCOLS = Map.ofEntries(
            Map.entry("unspec", 0), Map.entry("redirect", 1), Map.entry("kernel", 2), Map.entry("boot", 3),
            Map.entry("static", 4), Map.entry("gated", 8), Map.entry("ra", 9), Map.entry("mrt", 10),
            Map.entry("zebra", 11), Map.entry("bird", 12), Map.entry("dnrouted", 13), Map.entry("xorp", 14),
            Map.entry("ntk", 15), Map.entry("dhcp", 16), Map.entry("keepalived", 18), Map.entry("babel", 42),
            Map.entry("openr", 99), Map.entry("bgp", 186), Map.entry("isis", 187), Map.entry("ospf", 188),
            Map.entry("rip", 189), Map.entry("eigrp", 192));

    private final Values v;
    private final Diagnostics diag;
    private final References refs;
    private final PrefixMatchReader prefixes;

    RouteMatchMapper(Values v, References refs, PrefixMatchReader prefixes) {
        this.v = v;
        this.diag = v.diagnostics();
        this.refs = refs;
        this.prefixes = prefixes;
    }

    RouteMatch read(Node node) {
        int before = diag.count();
        MappingReader m = MappingReader.of(node, "match", KEYS, diag);
        List<PrefixMatch> pfx = m.has("prefix") ? prefixes.readList(m.get("prefix")) : List.of();
        List<String> lists = names(m, "prefix-list", References.Kind.PREFIX_LIST);
        List<Community> comms = each(m, "community", v::community);
        List<LargeCommunity> large = each(m, "large-community", v::largeCommunity);
        List<Long> asPath = each(m, "as-path-contains", v::asNumber);
        List<Long> origin = each(m, "origin-as", v::asNumber);
        List<IpPrefix> nextHops = each(m, "next-hop", this::addressOrPrefix);
        List<IpAddress> neighborAddresses = new ArrayList<>();
        List<String> neighborPeers = new ArrayList<>();
        if (m.has("neighbor")) {
            for (Node item : v.list(m.get("neighbor"))) {
                String s = v.string(item);
                if (s == null) {
                    continue;
                }
                IpAddress a = IpAddress.parse(s);
                if (a != null) {
                    neighborAddresses.add(a);
                } else {
                    refs.use(References.Kind.PEER, s, item.getStartMark());
                    neighborPeers.add(s);
                }
            }
        }
        List<Family> families = each(m, "family", n -> v.choice(n, Family.values()));
        List<RouteSource> sources = each(m, "source", n -> v.choice(n, RouteSource.values()));
        List<String> interfaces = each(m, "interface", v::string);
        List<Integer> protocols = each(m, "kernel-protocol", this::kernelProtocol);
        List<RouteType> types = each(m, "route-type", n -> v.choice(n, RouteType.values()));
        Optional<RouteMatch> not = m.has("not") ? Optional.ofNullable(read(m.get("not"))) : Optional.empty();
        if (diag.count() != before) {
            return null;
        }
        RouteMatch r = new RouteMatch(pfx, lists, comms, large, asPath, origin, nextHops, neighborAddresses,
                neighborPeers, families, sources, interfaces, protocols, types, not);
        if (r.isAny() && m.has("not")) {
            diag.error(m.get("not").getStartMark(), "'not' needs at least one condition");
        }
        return r;
    }

    private List<String> names(MappingReader m, String key, References.Kind kind) {
        return each(m, key, n -> {
            String s = v.string(n);
            if (s != null) {
                refs.use(kind, s, n.getStartMark());
            }
            return s;
        });
    }

    private <T> List<T> each(MappingReader m, String key, Function<Node, T> reader) {
        Node n = m.get(key);
        if (n == null) {
            return List.of();
        }
        return v.list(n, reader);
    }

    private IpPrefix addressOrPrefix(Node n) {
        String s = v.text(n, "an address or prefix");
        if (s == null) {
            return null;
        }
        if (s.indexOf('/') >= 0) {
            return v.prefix(n);
        }
        IpAddress a = v.address(n);
        return a == null ? null : new IpPrefix(a, a.family().maxLength());
    }

    Integer kernelProtocol(Node n) {
        String s = v.text(n, "a kernel protocol");
        if (s == null) {
            return null;
        }
        Integer known = KERNEL_PROTOCOLS.get(s);
        if (known != null) {
            return known;
        }
        long num = Numbers.parseUnsigned(s, 255);
        if (num < 0) {
            diag.error(n.getStartMark(), "'" + s + "' is not a kernel protocol (a number 0..255 or one of "
                    + String.join(", ", new java.util.TreeSet<>(KERNEL_PROTOCOLS.keySet())) + ")");
            return null;
        }
        return (int) num;
    }
}
