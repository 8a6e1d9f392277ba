package org.bgpd.control;

import static org.bgpd.control.ProtocolState.START;
import static org.bgpd.control.ProtocolState.UP;
import static org.bgpd.control.RouteInfo.RouteDest.BLACKHOLE;
import static org.bgpd.control.RouteInfo.RouteDest.UNICAST;
import static org.bgpd.control.RouteInfo.RouteDest.UNREACHABLE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.control.RouteInfo.NextHopInfo;
import org.bgpd.control.RouteInfo.RouteAttribute;
import org.bgpd.rib.route.Family;

/** The state of the capture lab (bird-cli/README.md) as backend records. */
final class LabData {
    static final Family V4 = Family.IPV4_UNICAST;
    static final String DESC = "Connection to BGP peer";

    private LabData() {}

    static Instant t(String time) { return Instant.parse("2026-11-21T" + time + "Z"); }

    static long kb(int whole, int tenths) { return whole * 1024L + (tenths * 1024L + 9) / 10; }

    static ChannelInfo.ChangeStats stats(long... n) {
        return new ChannelInfo.ChangeStats(
                new ChannelInfo.Counters(n[0], n[1], n[2], n[3], n[4]),
                new ChannelInfo.Counters(n[5], n[6], 0, n[7], n[8]),
                new ChannelInfo.Counters(n[9], n[10], n[11], 0, n[12]),
                new ChannelInfo.Counters(n[13], 0, 0, 0, n[14]));
    }

    static ChannelInfo.RouteCounts counts(long imported, long exported, long preferred) {
        return new ChannelInfo.RouteCounts(imported, -1, exported, preferred);
    }

    static ChannelInfo channel(String state, int pref, String out, ChannelInfo.RouteCounts r, ChannelInfo.ChangeStats s,
                               String neighborGr, String nextHop, String igp4) {
        return new ChannelInfo("ipv4", state, "master4", pref, "ACCEPT", out, false, false, r, s, neighborGr, nextHop,
                igp4, null);
    }

    static ChannelInfo simpleChannel(int pref, long imp, long pref2, long... s) {
        return channel("UP", pref, "REJECT", counts(imp, 0, pref2), stats(s), null, null, null);
    }

    static BgpCaps caps(boolean restartRecovery, List<String> preserved) {
        List<String> v4 = List.of("ipv4");
        return new BgpCaps(v4, true, false, true, 120, restartRecovery, v4, preserved, true, v4, v4, true, true, 0,
                List.of(), List.of());
    }

    static BgpInfo established(String nbr, String nbrId, String src, boolean rr, TimerInfo hold, TimerInfo ka,
                               boolean grActive, BgpCaps neighborCaps) {
        return new BgpInfo("Established", nbr, 64512, 64512, grActive, null, null, null, nbrId, caps(false, List.of()),
                neighborCaps, new BgpInfo.Session(true, true, rr, false, true, true, true, false), src, hold, ka, null);
    }

    static BgpInfo down(String state, String nbr, long as, TimerInfo connectDelay, String lastError) {
        return new BgpInfo(state, nbr, as, 64512, false, null, connectDelay, null, null, null, null, null, null, null,
                null, lastError);
    }

    static ProtocolInfo bgp(String name, ProtocolState st, Instant since, String info, String desc, BgpInfo b,
                            ChannelInfo c) {
        return new ProtocolInfo(name, "BGP", null, st, since, info, desc, V4, List.of(c), b);
    }

    static ProtocolInfo other(String name, String proto, String table, ProtocolState st, Instant since,
                              List<ChannelInfo> channels) {
        return new ProtocolInfo(name, proto, table, st, since, "", null, channels.isEmpty() ? null : V4, channels, null);
    }

    static List<RouteAttribute> bgpAttrs(String nextHop, String reflectedFrom) {
        List<RouteAttribute> a = new ArrayList<>(List.of(new RouteAttribute("BGP.origin", "IGP"),
                new RouteAttribute("BGP.as_path", ""), new RouteAttribute("BGP.next_hop", nextHop),
                new RouteAttribute("BGP.local_pref", "100")));
        if (reflectedFrom != null) {
            a.add(new RouteAttribute("BGP.originator_id", reflectedFrom));
            a.add(new RouteAttribute("BGP.cluster_list", "1.0.0.1"));
        }
        return a;
    }

    static List<RouteAttribute> kernelAttrs(String source, boolean scope) {
        List<RouteAttribute> a = new ArrayList<>(List.of(new RouteAttribute("Kernel.source", source),
                new RouteAttribute("Kernel.metric", "0")));
        if (scope) a.add(new RouteAttribute("Kernel.scope", "253"));
        return a;
    }

    static RouteInfo route(String prefix, String proto, Instant since, boolean primary, int pref, RouteInfo.RouteDest dest,
                           List<NextHopInfo> hops, String from, String igp, String source, List<RouteAttribute> attrs) {
        return new RouteInfo("master4", V4, prefix, proto, since, primary, pref, dest, hops, from, igp, source, "univ", attrs);
    }

    static List<NextHopInfo> via(String gw, String iface) { return List.of(new NextHopInfo(gw, iface, 1)); }

    static List<NextHopInfo> dev(String iface) { return List.of(new NextHopInfo(null, iface, 1)); }

    // ---- node-a: BIRD 2.0.12 node ----

    static FakeBackend nodeA(int connectDelayMillis) {
        FakeBackend b = new FakeBackend();
        Instant boot = t("19:00:27.093");
        b.status = new StatusInfo("10.99.0.1", "vm", t("19:00:41.256"), boot, boot, StatusInfo.Phase.RUNNING, null);
        b.memory = new MemoryInfo(new MemoryInfo.Use(kb(32, 8), kb(12, 2)), new MemoryInfo.Use(2344, 8504),
                new MemoryInfo.Use(kb(27, 3), kb(11, 7)), new MemoryInfo.Use(kb(16, 1), 520),
                new MemoryInfo.Use(0, kb(44, 0)), new MemoryInfo.Use(kb(101, 9), kb(82, 7)));
        b.protocols.add(other("device1", "Device", null, UP, boot, List.of()));
        b.protocols.add(other("direct1", "Direct", null, UP, boot, List.of(simpleChannel(240, 1, 1,
                1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        b.protocols.add(other("kernel1", "Kernel", "master4", UP, boot, List.of(simpleChannel(10, 4, 3,
                4, 0, 0, 0, 4, 0, 0, 0, 0, 16, 3, 13, 0, 0, 0))));
        b.protocols.add(other("static1", "Static", "master4", UP, boot, List.of(simpleChannel(200, 3, 3,
                3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        b.protocols.add(bgp("Mesh_10_99_0_2", UP, t("19:00:28.724"), "", DESC,
                established("10.99.0.2", "10.99.0.2", "10.99.0.1", false, new TimerInfo(186701, 240),
                        new TimerInfo(64375, 80), false, caps(false, List.of())),
                channel("UP", 100, "ACCEPT", counts(5, 8, 4), stats(5, 0, 0, 0, 5, 0, 0, 0, 0, 13, 5, 0, 8, 0, 0),
                        null, "10.99.0.1", "master4")));
        ChannelInfo idle = channel("DOWN", 100, "ACCEPT", null, null, null, null, "master4");
        b.protocols.add(bgp("Global_127_0_0_3", START, boot, "Socket: Connection closed", DESC,
                down("Active", "127.0.0.3", 65001, new TimerInfo(connectDelayMillis, 2), "Socket: Connection closed"), idle));
        b.protocols.add(bgp("Node_10_99_0_9", START, boot, "", DESC, down("Passive", "10.99.0.9", 64512, null, null), idle));

        Instant mesh = t("19:00:29.091");
        Instant refl = t("19:00:29.143");
        List<RouteInfo> r = b.routes;
        r.add(route("10.201.0.0/24", "static1", boot, true, 200, UNREACHABLE, List.of(), null, null, "static", List.of()));
        r.add(route("172.16.5.0/24", "Mesh_10_99_0_2", mesh, true, 100, UNICAST, via("10.99.0.2", "vab_a"), "10.99.0.2",
                null, "BGP", bgpAttrs("10.99.0.2", null)));
        r.add(route("10.250.0.0/24", "kernel1", boot, true, 10, UNICAST, via("10.99.0.2", "vab_a"), null, null, "inherit",
                kernelAttrs("4", false)));
        r.add(route("192.168.10.6/32", "kernel1", boot, true, 10, UNICAST, dev("cali1234abcda"), null, null, "inherit",
                kernelAttrs("3", true)));
        r.add(reflectedA("192.168.20.0/26", refl, true));
        r.add(reflectedA("192.168.20.0/26", refl, false));
        r.add(route("192.168.10.5/32", "kernel1", boot, true, 10, UNICAST, dev("cali1234abcda"), null, null, "inherit",
                kernelAttrs("3", true)));
        r.add(route("192.168.10.0/26", "static1", boot, true, 200, BLACKHOLE, List.of(), null, null, "static", List.of()));
        r.add(route("192.168.10.0/26", "kernel1", boot, false, 10, BLACKHOLE, List.of(), null, null, "inherit",
                kernelAttrs("80", false)));
        r.add(route("10.200.0.0/24", "static1", boot, true, 200, BLACKHOLE, List.of(), null, null, "static", List.of()));
        r.add(route("10.99.0.0/24", "direct1", boot, true, 240, UNICAST, dev("vab_a"), null, null, "device", List.of()));
        r.add(reflectedA("192.168.20.5/32", refl, true));
        r.add(reflectedA("10.99.1.0/24", refl, true));
        b.counts.add(new TableCount("master4", V4, 13, 13, 11));
        b.counts.add(new TableCount("master6", Family.IPV6_UNICAST, 0, 0, 0));
        return b;
    }

    private static RouteInfo reflectedA(String prefix, Instant since, boolean primary) {
        return route(prefix, "Mesh_10_99_0_2", since, primary, 100, UNREACHABLE, List.of(), "10.99.0.2", null, "BGP",
                bgpAttrs("10.99.1.3", "10.99.1.3"));
    }

    // ---- rr-b: BIRD 2.0.12 route reflector ----

    static FakeBackend rrB(boolean peerCrashed, boolean peerBack) {
        FakeBackend b = new FakeBackend();
        Instant boot = t("19:00:27.089");
        b.status = new StatusInfo("10.99.0.2", "vm", t(peerCrashed ? "19:00:59.518" : "19:00:41.331"), boot, boot,
                StatusInfo.Phase.RUNNING, null);
        b.protocols.add(other("device1", "Device", null, UP, boot, List.of()));
        b.protocols.add(other("static_rr", "Static", "master4", UP, boot, List.of(simpleChannel(200, 1, 1,
                1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        b.protocols.add(bgp("Node_10_99_0_1", UP, t("19:00:28.724"), "", null,
                established("10.99.0.1", "10.99.0.1", "10.99.0.2", true, new TimerInfo(226889, 240),
                        new TimerInfo(50514, 80), false, caps(false, List.of())),
                channel("UP", 100, "ACCEPT", counts(7, 5, 6), stats(7, 0, 0, 0, 7, 1, 0, 1, 0, 12, 7, 0, 5, 0, 0),
                        null, "10.99.0.2", "master4")));
        if (peerBack) {
            b.protocols.add(bgp("Node_10_99_1_3", UP, t("19:01:00.908"), "", null,
                    established("10.99.1.3", "10.99.1.3", "10.99.1.2", true, new TimerInfo(204998, 240),
                            new TimerInfo(56951, 80), true, caps(true, List.of("ipv4"))),
                    channel("UP", 100, "ACCEPT", counts(4, 8, 3), stats(4, 0, 0, 0, 4, 0, 0, 0, 0, 24, 8, 0, 16, 0, 0),
                            "Regular", "10.99.1.2", "master4")));
        } else if (peerCrashed) {
            BgpInfo gr = new BgpInfo("Active", "10.99.1.3", 64512, 64512, true, null, new TimerInfo(3031, 5),
                    new TimerInfo(118423, -1), null, null, null, null, null, null, null, "Socket: Connection closed");
            b.protocols.add(bgp("Node_10_99_1_3", START, t("19:00:57.941"), "Socket: Connection closed", null, gr,
                    channel("START", 100, "ACCEPT", counts(4, 0, 3), stats(4, 0, 0, 0, 4, 0, 0, 0, 0, 12, 4, 0, 8, 0, 0),
                            "Regular", null, "master4")));
        } else {
            b.protocols.add(bgp("Node_10_99_1_3", UP, t("19:00:29.100"), "", null,
                    established("10.99.1.3", "10.99.1.3", "10.99.1.2", true, new TimerInfo(184740, 240),
                            new TimerInfo(48625, 80), false, caps(false, List.of())),
                    channel("UP", 100, "ACCEPT", counts(4, 8, 3), stats(4, 0, 0, 0, 4, 0, 0, 0, 0, 12, 4, 0, 8, 0, 0),
                            null, "10.99.1.2", "master4")));
        }
        b.counts.add(new TableCount("master4", V4, 12, 12, 10));
        b.counts.add(new TableCount("master6", Family.IPV6_UNICAST, 0, 0, 0));
        return b;
    }
}
