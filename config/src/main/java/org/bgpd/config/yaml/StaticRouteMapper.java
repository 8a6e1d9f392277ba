package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.Community;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.model.StaticTarget;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Owned by one load; not thread-safe. Maps {@code static-routes}; each prefix may appear once. */
final class StaticRouteMapper {

    static final List<String> KEYS = List.of("prefix", "blackhole", "unreachable", "next-hop", "communities",
            "large-communities", "local-pref", "med");

    private final Values v;
    private final Diagnostics diag;

    StaticRouteMapper(Values v) {
        this.v = v;
        this.diag = v.diagnostics();
    }

    List<StaticRoute> read(Node node) {
        List<StaticRoute> out = new ArrayList<>();
        Map<IpPrefix, Mark> seen = new HashMap<>();
        for (Node item : v.sequence(node, "static routes")) {
            StaticRoute r = readRoute(item);
            if (r == null) {
                continue;
            }
            Mark first = seen.putIfAbsent(r.prefix(), item.getStartMark());
            if (first != null) {
                diag.error(item.getStartMark(), "duplicate static route " + r.prefix() + " (first defined at "
                        + Diagnostics.where(first) + ")");
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private StaticRoute readRoute(Node node) {
        int before = diag.count();
        MappingReader m = MappingReader.of(node, "static route", KEYS, diag);
        Node pn = m.require("prefix");
        IpPrefix prefix = pn == null ? null : v.prefix(pn);
        String what = prefix == null ? "static route" : "static route " + prefix;
        List<String> targets = new ArrayList<>();
        for (String k : List.of("blackhole", "unreachable", "next-hop")) {
            if (m.has(k)) {
                targets.add(k);
            }
        }
        StaticTarget target = null;
        if (targets.isEmpty()) {
            diag.error(m.mark(), what + " needs exactly one of blackhole, unreachable or next-hop");
        } else if (targets.size() > 1) {
            diag.error(m.mark(), what + " has both " + targets.get(0) + " and " + targets.get(1)
                    + " (needs exactly one of blackhole, unreachable or next-hop)");
        } else {
            target = target(m, targets.get(0), prefix);
        }
        List<Community> comms = new ArrayList<>();
        if (m.has("communities")) {
            for (Node c : v.list(m.get("communities"))) {
                Community x = v.community(c);
                if (x != null) {
                    comms.add(x);
                }
            }
        }
        List<LargeCommunity> large = new ArrayList<>();
        if (m.has("large-communities")) {
            for (Node c : v.list(m.get("large-communities"))) {
                LargeCommunity x = v.largeCommunity(c);
                if (x != null) {
                    large.add(x);
                }
            }
        }
        OptionalLong localPref = optionalLong(m, "local-pref");
        OptionalLong med = optionalLong(m, "med");
        if (diag.count() != before || prefix == null || target == null) {
            return null;
        }
        return new StaticRoute(prefix, target, comms, large, localPref, med);
    }

    private StaticTarget target(MappingReader m, String key, IpPrefix prefix) {
        Node n = m.get(key);
        if (key.equals("next-hop")) {
            IpAddress a = v.address(n);
            if (a != null && prefix != null && a.family() != prefix.family()) {
                diag.error(n.getStartMark(), "next-hop " + a + " is not in the same family as " + prefix);
                return null;
            }
            return a == null ? null : new StaticTarget.NextHop(a);
        }
        Boolean b = v.bool(n);
        if (b != null && !b) {
            diag.error(n.getStartMark(), key + ": false is not a target; remove the key or set it to true");
            return null;
        }
        if (b == null) {
            return null;
        }
        return key.equals("blackhole") ? new StaticTarget.Blackhole() : new StaticTarget.Unreachable();
    }

    private OptionalLong optionalLong(MappingReader m, String key) {
        if (!m.has(key)) {
            return OptionalLong.empty();
        }
        Long value = v.integer(m.get(key), key, 0, 0xFFFFFFFFL);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
