package org.bgpd.config.print;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.bgpd.config.model.ConfdConfig;
import org.bgpd.config.model.ControlSocket;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.config.model.KernelConfig;
import org.bgpd.config.model.LearnFilter;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.config.model.PrefixList;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.model.StaticTarget;

/**
 * Stateless; safe to share. Prints a {@link DaemonConfig} as canonical YAML: keys in schema
 * order, named sections sorted by name, every default written out and templates already expanded,
 * so two configurations that load to equal records print identically (OpenBGPD's printconf idea).
 * Loading the printed text gives back equal records.
 */
public final class ConfigPrinter {

    private ConfigPrinter() {
    }

    public static String print(DaemonConfig c) {
        YamlWriter w = new YamlWriter();
        w.entry("router-id", c.routerId()).entry("local-as", c.localAs());
        w.begin("listen");
        c.listen().address().ifPresent(a -> w.entry("address", a));
        w.entry("port", c.listen().port()).end();
        if (!c.controlSockets().isEmpty()) {
            w.begin("control-sockets");
            for (ControlSocket s : c.controlSockets()) {
                w.item().quoted("path", s.path()).entry("dialect", name(s.dialect())).entry("family", name(s.family())).end();
            }
            w.end();
        }
        w.entry("log-level", name(c.logLevel()));
        w.entry("cluster-id", c.clusterId());
        gracefulRestart(w, c.gracefulRestart());
        if (!c.peers().isEmpty()) {
            w.begin("peers");
            for (PeerConfig p : c.peers()) {
                w.item().entry("name", p.name()).entry("address", p.address()).entry("remote-as", p.remoteAs());
                settings(w, p.settings());
                w.end();
            }
            w.end();
        }
        if (!c.dynamicPeers().isEmpty()) {
            w.begin("dynamic-peers");
            for (DynamicPeerConfig d : c.dynamicPeers()) {
                w.item().entry("name", d.name()).entry("accept-from", d.acceptFrom());
                if (d.remoteAs().size() == 1) {
                    w.entry("remote-as", d.remoteAs().get(0));
                } else {
                    w.flowList("remote-as", d.remoteAs());
                }
                w.entry("limit", d.limit());
                settings(w, d.settings());
                w.end();
            }
            w.end();
        }
        if (!c.staticRoutes().isEmpty()) {
            w.begin("static-routes");
            for (StaticRoute r : c.staticRoutes()) {
                staticRoute(w, r);
            }
            w.end();
        }
        if (!c.prefixLists().isEmpty()) {
            w.begin("prefix-lists");
            for (PrefixList pl : new TreeMap<>(c.prefixLists()).values()) {
                if (pl.entries().isEmpty()) {
                    w.flowList(YamlWriter.scalar(pl.name()), List.of());
                    continue;
                }
                w.begin(YamlWriter.scalar(pl.name()));
                PolicyPrinter.prefixMatchItems(w, pl.entries());
                w.end();
            }
            w.end();
        }
        if (!c.policies().isEmpty()) {
            w.begin("policies");
            new TreeMap<>(c.policies()).values().forEach(p -> PolicyPrinter.policy(w, p));
            w.end();
        }
        kernel(w, c.kernel());
        c.confd().ifPresent(confd -> confd(w, confd));
        return w.toString();
    }

    /** The {@code confd:} section alone, as {@link #print} writes it (the daemon appends it to renderings). */
    public static String printConfd(ConfdConfig c) {
        YamlWriter w = new YamlWriter();
        confd(w, c);
        return w.toString();
    }

    private static void confd(YamlWriter w, ConfdConfig c) {
        w.begin("confd").entry("backend", name(c.backend()));
        c.file().ifPresent(f -> w.quoted("file", f));
        if (!c.etcdEndpoints().isEmpty() || c.etcdCaCertFile().isPresent() || c.etcdCertFile().isPresent()
                || c.etcdKeyFile().isPresent()) {
            w.begin("etcd");
            if (!c.etcdEndpoints().isEmpty()) {
                w.flowList("endpoints", c.etcdEndpoints());
            }
            c.etcdCaCertFile().ifPresent(f -> w.quoted("ca-cert-file", f));
            c.etcdCertFile().ifPresent(f -> w.quoted("cert-file", f));
            c.etcdKeyFile().ifPresent(f -> w.quoted("key-file", f));
            w.end();
        }
        w.quoted("confdir", c.confdir()).quoted("resource", c.resource());
        c.node().ifPresent(n -> w.quoted("node", n));
        w.entry("debounce-ms", c.debounceMillis()).end();
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void gracefulRestart(YamlWriter w, GracefulRestart gr) {
        w.begin("graceful-restart").entry("enabled", gr.enabled()).entry("restart-time", gr.restartTime())
                .entry("long-lived-stale-time", gr.longLivedStaleTime()).end();
    }

    private static void settings(YamlWriter w, PeerSettings s) {
        s.localAddress().ifPresent(a -> w.entry("local-address", a));
        w.entry("port", s.port()).entry("passive", s.passive());
        s.password().ifPresent(p -> w.quoted("password", p));
        w.entry("hold-time", s.timers().holdTime()).entry("keepalive-time", s.timers().keepaliveTime())
                .entry("connect-retry-time", s.timers().connectRetryTime());
        w.begin("families");
        for (FamilyConfig f : s.families()) {
            w.begin(f.family().yamlName()).entry("add-path", name(f.addPath()));
            // an empty chain is "not configured" (RFC 8212 default), which only omission expresses
            if (!f.importPolicies().isEmpty()) {
                w.flowList("import", f.importPolicies());
            }
            if (!f.exportPolicies().isEmpty()) {
                w.flowList("export", f.exportPolicies());
            }
            f.maxPrefix().ifPresent(mp -> {
                w.begin("max-prefix").entry("limit", mp.limit()).entry("action", name(mp.action()));
                if (mp.restartAfter() > 0) {
                    w.entry("restart-after", mp.restartAfter());
                }
                w.end();
            });
            w.end();
        }
        w.end();
        w.entry("rr-client", s.rrClient()).entry("next-hop-self", s.nextHopSelf()).entry("next-hop-keep", s.nextHopKeep());
        gracefulRestart(w, s.gracefulRestart());
        s.multihop().ifPresent(h -> w.entry("multihop", h));
        w.entry("ttl-security", s.ttlSecurity()).entry("disabled", s.disabled());
        s.localAs().ifPresent(as -> w.entry("local-as", as));
        if (s.allowLocalAs() > 0) {
            w.entry("allow-local-as", s.allowLocalAs());
        }
    }

    private static void staticRoute(YamlWriter w, StaticRoute r) {
        w.item().entry("prefix", r.prefix());
        switch (r.target()) {
            case StaticTarget.Blackhole b -> w.entry("blackhole", true);
            case StaticTarget.Unreachable u -> w.entry("unreachable", true);
            case StaticTarget.NextHop n -> w.entry("next-hop", n.address());
        }
        if (!r.communities().isEmpty()) {
            w.flowList("communities", r.communities());
        }
        if (!r.largeCommunities().isEmpty()) {
            w.flowList("large-communities", r.largeCommunities());
        }
        r.localPref().ifPresent(v -> w.entry("local-pref", v));
        r.med().ifPresent(v -> w.entry("med", v));
        w.end();
    }

    private static void kernel(YamlWriter w, KernelConfig k) {
        if (k.equals(KernelConfig.DISABLED)) {
            return;
        }
        w.begin("kernel").entry("enabled", k.enabled()).entry("table", k.table()).entry("protocol", k.protocol());
        k.learn().ifPresent(l -> learn(w, l));
        w.flowList("export", k.exportPolicies());
        if (k.gracefulRestart()) {
            w.entry("graceful-restart", true);
        }
        w.end();
    }

    private static void learn(YamlWriter w, LearnFilter l) {
        w.begin("learn");
        if (!l.interfaces().isEmpty()) {
            w.flowList("interfaces", l.interfaces());
        }
        if (!l.protocols().isEmpty()) {
            w.flowList("protocols", l.protocols());
        }
        if (!l.types().isEmpty()) {
            w.flowList("types", l.types().stream().map(ConfigPrinter::name).toList());
        }
        if (!l.tables().isEmpty()) {
            w.flowList("tables", l.tables());
        }
        if (!l.prefixes().isEmpty()) {
            w.begin("prefixes");
            PolicyPrinter.prefixMatchItems(w, l.prefixes());
            w.end();
        }
        w.end();
    }
}
