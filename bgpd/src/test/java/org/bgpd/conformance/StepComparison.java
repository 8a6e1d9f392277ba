package org.bgpd.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.LogLevel;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.model.StaticTarget;

/**
 * Compares one rendered and loaded bgpd configuration with the BIRD configuration Calico's confd
 * rendered for the same step, and lists every difference (empty: conformant). Router id, listen
 * address and port, log level, the peers and their session settings, the static routes, and
 * per peer the export and import verdicts and communities on every probe route, and the kernel
 * export's verdict and device on routes learned from BGP. Stateless; safe to share.
 */
final class StepComparison {

    /** bird.cfg + bird_aggr.cfg + bird_ipam.cfg (or the bird6 trio) as one parsed configuration. */
    static BirdConfig bird(Path dir, boolean v4) throws IOException {
        String p = v4 ? "bird" : "bird6";
        String text = Files.readString(dir.resolve(p + ".cfg")) + "\n" + Files.readString(dir.resolve(p + "_aggr.cfg"))
                + "\n" + Files.readString(dir.resolve(p + "_ipam.cfg"));
        return BirdParser.parse(text);
    }

    static List<String> compare(Path expectDir, DaemonConfig c, SortedMap<String, String> tree, String node)
            throws IOException {
        List<String> diffs = new ArrayList<>();
        BirdConfig b4 = bird(expectDir, true);
        BirdConfig b6 = bird(expectDir, false);
        same(diffs, "router id", b4.routerId(), PeerView.text(c.routerId()));
        same(diffs, "listen address", b4.listenAddress() == null ? null : PeerView.norm(b4.listenAddress()),
                c.listen().address().map(PeerView::text).orElse(null));
        same(diffs, "listen port", b4.listenPort(), c.listen().port());
        same(diffs, "log level", birdLogLevel(b4), c.logLevel() == LogLevel.DEBUG ? "debug"
                : c.logLevel() == LogLevel.INFO ? "info" : "none");
        same(diffs, "static routes", staticRoutes(b4, b6), staticRoutes(c));

        Map<String, PeerView> birdPeers = new TreeMap<>();
        Map<String, BirdConfig.Protocol> birdProtocols = new TreeMap<>();
        for (BirdConfig b : List.of(b4, b6)) {
            for (BirdConfig.Protocol p : b.resolved("bgp")) {
                birdPeers.put(p.name(), PeerView.of(p, b4.routerId()));
                birdProtocols.put(p.name(), p);
            }
        }
        Map<String, PeerView> ours = new TreeMap<>();
        Map<String, PeerConfig> ourPeers = new TreeMap<>();
        for (PeerConfig p : c.peers()) {
            ours.put(p.name(), PeerView.of(p, c));
            ourPeers.put(p.name(), p);
        }
        same(diffs, "peer names", birdPeers.keySet(), ours.keySet());

        BgpdEvaluator eval = new BgpdEvaluator(c);
        List<ProbeRoute> probes4 = ProbeRoutes.of(tree, node, true);
        List<ProbeRoute> probes6 = ProbeRoutes.of(tree, node, false);
        for (Map.Entry<String, PeerView> e : birdPeers.entrySet()) {
            PeerView ourView = ours.get(e.getKey());
            if (ourView == null) continue;
            same(diffs, "peer " + e.getKey(), e.getValue(), ourView);
            boolean v4 = e.getValue().v4();
            BirdConfig b = v4 ? b4 : b6;
            BirdConfig.Protocol bp = birdProtocols.get(e.getKey());
            PeerConfig op = ourPeers.get(e.getKey());
            int shown = 0;
            for (ProbeRoute r : v4 ? probes4 : probes6) {
                FilterOutcome theirs = BirdEvaluator.run(b, bp.exportFilter(), r);
                FilterOutcome mine = eval.export(op, r);
                if (!theirs.equals(mine) && shown++ < 5) {
                    diffs.add("export to " + e.getKey() + " of " + r + ": BIRD " + theirs + ", bgpd " + mine);
                }
                if (r.source() == ProbeRoute.Source.BGP) {
                    FilterOutcome in = BirdEvaluator.run(b, bp.importFilter(), r).verdictOnly();
                    FilterOutcome ourIn = eval.importing(op, r).verdictOnly();
                    if (!in.equals(ourIn) && shown++ < 5) {
                        diffs.add("import from " + e.getKey() + " of " + r + ": BIRD " + in + ", bgpd " + ourIn);
                    }
                }
            }
        }
        for (BirdConfig b : List.of(b4, b6)) {
            BirdConfig.Protocol kernel = b.resolved("kernel").getFirst();
            int shown = 0;
            for (ProbeRoute r : b == b4 ? probes4 : probes6) {
                if (r.source() != ProbeRoute.Source.BGP) continue;
                FilterOutcome theirs = BirdEvaluator.run(b, kernel.exportFilter(), r);
                FilterOutcome mine = eval.kernel(r);
                theirs = new FilterOutcome(theirs.accepted(), new TreeSet<>(), new TreeSet<>(), theirs.device());
                mine = new FilterOutcome(mine.accepted(), new TreeSet<>(), new TreeSet<>(), mine.device());
                if (!theirs.equals(mine) && shown++ < 5) {
                    diffs.add("kernel export of " + r + ": BIRD " + theirs + ", bgpd " + mine);
                }
            }
        }
        return diffs;
    }

    /** Calico's loglevel as the template wrote it on the device protocol: debug all, debug { states } or nothing. */
    private static String birdLogLevel(BirdConfig b) {
        var debug = b.resolved("device").getFirst().option("debug");
        if (debug == null) return "none";
        return debug.get(1).equals("all") ? "debug" : "info";
    }

    private static TreeSet<String> staticRoutes(BirdConfig... configs) {
        TreeSet<String> out = new TreeSet<>();
        for (BirdConfig b : configs) {
            for (BirdConfig.Protocol p : b.resolved("static")) {
                for (List<String> o : p.options()) {
                    if (!o.getFirst().equals("route")) continue;
                    String prefix = Cidr.of(o.get(1)).toString();
                    out.add(o.get(2).equals("via") ? prefix + " via " + PeerView.norm(o.get(3)) : prefix + " " + o.get(2));
                }
            }
        }
        return out;
    }

    private static TreeSet<String> staticRoutes(DaemonConfig c) {
        TreeSet<String> out = new TreeSet<>();
        for (StaticRoute r : c.staticRoutes()) {
            String prefix = Cidr.of(PeerView.text(r.prefix().address()) + "/" + r.prefix().length()).toString();
            out.add(switch (r.target()) {
                case StaticTarget.Blackhole b -> prefix + " blackhole";
                case StaticTarget.Unreachable u -> prefix + " unreachable";
                case StaticTarget.NextHop n -> prefix + " via " + PeerView.text(n.address());
            });
        }
        return out;
    }

    private static void same(List<String> diffs, String what, Object bird, Object bgpd) {
        if (!java.util.Objects.equals(bird, bgpd)) diffs.add(what + ": BIRD " + bird + ", bgpd " + bgpd);
    }

    private StepComparison() {}
}
