package org.bgpd.config.print;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PolicyRule;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteChanges;
import org.bgpd.config.model.RouteChanges.CommunityEdit;
import org.bgpd.config.model.RouteMatch;
import org.bgpd.config.model.RouteSource;

/** Stateless. Prints policies and prefix matches for {@link ConfigPrinter}. */
final class PolicyPrinter {

    private PolicyPrinter() {
    }

    static void policy(YamlWriter w, PolicyConfig p) {
        w.begin(YamlWriter.scalar(p.name()));
        if (!p.rules().isEmpty()) {
            w.begin("rules");
            for (PolicyRule r : p.rules()) {
                w.item();
                if (!r.match().isAny()) {
                    w.begin("match");
                    match(w, r.match());
                    w.end();
                }
                if (!r.changes().isNone()) {
                    w.begin("set");
                    changes(w, r.changes());
                    w.end();
                }
                w.entry("action", ConfigPrinter.name(r.verdict())).end();
            }
            w.end();
        }
        w.entry("default", ConfigPrinter.name(p.defaultVerdict())).end();
    }

    /** An exact match prints as a bare prefix, anything else as {prefix, ge, le}. */
    static void prefixMatchItems(YamlWriter w, List<PrefixMatch> entries) {
        for (PrefixMatch pm : entries) {
            if (pm.isExact()) {
                w.scalarItem(pm.prefix());
            } else {
                w.item().entry("prefix", pm.prefix()).entry("ge", pm.ge()).entry("le", pm.le()).end();
            }
        }
    }

    private static void match(YamlWriter w, RouteMatch m) {
        if (!m.prefixes().isEmpty()) {
            w.begin("prefix");
            prefixMatchItems(w, m.prefixes());
            w.end();
        }
        list(w, "prefix-list", m.prefixLists());
        list(w, "community", m.communities());
        list(w, "large-community", m.largeCommunities());
        list(w, "as-path-contains", m.asPathContains());
        list(w, "origin-as", m.originAs());
        List<String> nextHops = new ArrayList<>();
        m.nextHops().forEach(p -> nextHops.add(p.length() == p.family().maxLength() ? p.address().toString() : p.toString()));
        list(w, "next-hop", nextHops);
        List<Object> neighbors = new ArrayList<>(m.neighborAddresses());
        neighbors.addAll(m.neighborPeers());
        list(w, "neighbor", neighbors);
        list(w, "family", m.families().stream().map(f -> f.yamlName()).toList());
        list(w, "source", m.sources().stream().map(RouteSource::name).map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList());
        list(w, "interface", m.interfaces());
        list(w, "kernel-protocol", m.kernelProtocols());
        list(w, "route-type", m.routeTypes().stream().map(ConfigPrinter::name).toList());
        m.not().ifPresent(n -> {
            w.begin("not");
            match(w, n);
            w.end();
        });
    }

    private static void list(YamlWriter w, String key, List<?> values) {
        if (!values.isEmpty()) {
            w.flowList(key, values);
        }
    }

    private static void changes(YamlWriter w, RouteChanges c) {
        c.localPref().ifPresent(v -> w.entry("local-pref", v));
        c.med().ifPresent(v -> w.entry("med", v));
        edit(w, "communities", c.communities());
        edit(w, "large-communities", c.largeCommunities());
        c.nextHop().ifPresent(nh -> w.entry("next-hop", switch (nh) {
            case RouteChanges.NextHopChange.Self s -> "self";
            case RouteChanges.NextHopChange.Keep k -> "keep";
            case RouteChanges.NextHopChange.Address a -> a.address().toString();
        }));
        c.asPathPrepend().ifPresent(p -> w.begin("as-path-prepend").entry("as", p.as()).entry("count", p.count()).end());
        c.kernelDevice().ifPresent(d -> w.entry("kernel-device", d));
        if (c.onlink()) {
            w.entry("onlink", true);
        }
    }

    private static void edit(YamlWriter w, String key, CommunityEdit<?> e) {
        if (e.isNone()) {
            return;
        }
        w.begin(key);
        list(w, "add", e.add());
        list(w, "remove", e.remove());
        e.replace().ifPresent(r -> w.flowList("replace", r));
        w.end();
    }
}
