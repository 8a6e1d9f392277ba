package org.bgpd.control;

import static org.bgpd.control.LabData.DESC;
import static org.bgpd.control.LabData.V4;
import static org.bgpd.control.LabData.bgp;
import static org.bgpd.control.LabData.bgpAttrs;
import static org.bgpd.control.LabData.caps;
import static org.bgpd.control.LabData.channel;
import static org.bgpd.control.LabData.counts;
import static org.bgpd.control.LabData.dev;
import static org.bgpd.control.LabData.down;
import static org.bgpd.control.LabData.kernelAttrs;
import static org.bgpd.control.LabData.other;
import static org.bgpd.control.LabData.route;
import static org.bgpd.control.LabData.stats;
import static org.bgpd.control.LabData.t;
import static org.bgpd.control.LabData.via;
import static org.bgpd.control.ProtocolState.START;
import static org.bgpd.control.ProtocolState.UP;
import static org.bgpd.control.ProtocolState.WAIT;
import static org.bgpd.control.RouteInfo.RouteDest.BLACKHOLE;
import static org.bgpd.control.RouteInfo.RouteDest.UNICAST;
import static org.bgpd.control.RouteInfo.RouteDest.UNREACHABLE;

import java.time.Instant;
import java.util.List;

/** node-c of the capture lab: BIRD 1.6.8 with a Calico-style configuration. */
final class LabData1 {
    private LabData1() {}

    enum Phase { NORMAL, GR_START, GR_AFTER_5S }

    private static final long[] ZERO = new long[15];

    static FakeBackend nodeC(Phase phase) {
        FakeBackend b = new FakeBackend();
        b.configFile = "c.conf";
        Instant boot = switch (phase) {
            case NORMAL -> t("19:00:27");
            case GR_START -> t("19:00:58");
            case GR_AFTER_5S -> t("19:00:59");
        };
        Instant now = switch (phase) {
            case NORMAL -> t("19:00:41");
            case GR_START -> t("19:00:59");
            case GR_AFTER_5S -> t("19:01:06");
        };
        StatusInfo.GrRecovery gr = switch (phase) {
            case NORMAL -> null;
            case GR_START -> new StatusInfo.GrRecovery(3, 239_000, 240);
            case GR_AFTER_5S -> new StatusInfo.GrRecovery(2, 233_000, 240);
        };
        b.status = new StatusInfo("10.99.1.3", "vm", now, boot, boot, StatusInfo.Phase.RUNNING, gr);
        b.memory = new MemoryInfo(new MemoryInfo.Use(35 * 1024, 0), new MemoryInfo.Use(10 * 1024, 0),
                new MemoryInfo.Use(28 * 1024, 0), new MemoryInfo.Use(0, 0), new MemoryInfo.Use(0, 0),
                new MemoryInfo.Use(112 * 1024, 0));
        ProtocolState kernelState = phase == Phase.NORMAL ? UP : WAIT;
        b.protocols.add(other("kernel1", "Kernel", "master4", kernelState, boot, List.of(LabData.simpleChannel(10, 2, 1,
                2, 0, 0, 0, 2, 0, 0, 0, 0, 11, 2, 9, 0, 0, 0))));
        b.protocols.add(other("device1", "Device", null, UP, boot, List.of(LabData.simpleChannel(240, 0, 0, ZERO))));
        b.protocols.add(other("direct1", "Direct", null, UP, boot, List.of(LabData.simpleChannel(240, 1, 1,
                1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        b.protocols.add(other("static1", "Static", "master4", UP, boot, List.of(LabData.simpleChannel(200, 1, 1,
                1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        switch (phase) {
            case NORMAL -> b.protocols.add(bgp("Node_10_99_1_2", UP, t("19:00:29"), "", DESC,
                    LabData.established("10.99.1.2", "10.99.0.2", "10.99.1.3", false, new TimerInfo(179_000, 240),
                            new TimerInfo(51_000, 80), false, caps(false, List.of())),
                    channel("UP", 100, "ACCEPT", counts(8, 4, 7), stats(8, 0, 0, 0, 8, 0, 0, 0, 0, 12, 8, 0, 4, 0, 0),
                            null, null, null)));
            case GR_START -> b.protocols.add(bgp("Node_10_99_1_2", START, boot, "", DESC,
                    down("Active", "10.99.1.2", 64512, null, null), zeroChannel()));
            case GR_AFTER_5S -> {
                ChannelInfo c = new ChannelInfo("ipv4", "UP", "master4", 100, "ACCEPT", "ACCEPT", false, true,
                        counts(8, 0, 7), stats(8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, null, null, null);
                b.protocols.add(bgp("Node_10_99_1_2", WAIT, t("19:01:01"), "", DESC,
                        LabData.established("10.99.1.2", "10.99.0.2", "10.99.1.3", false, new TimerInfo(222_000, 240),
                                new TimerInfo(70_000, 80), false, caps(false, List.of())), c));
            }
        }
        b.protocols.add(bgp("Mesh_10_99_1_7", START, boot, "", DESC, down("Passive", "10.99.1.7", 64512, null, null),
                zeroChannel()));
        String err = phase == Phase.GR_START ? null : "Socket: Connection closed";
        b.protocols.add(bgp("Global_127_0_0_4", START, boot, err == null ? "" : err, DESC,
                down("Active", "127.0.0.4", 65002, err == null ? null : new TimerInfo(2000, 2), err), zeroChannel()));

        Instant k = t("19:00:27");
        Instant n = t("19:00:29");
        List<RouteInfo> r = b.routes;
        r.add(reflected("10.200.0.0/24", n, true));
        r.add(reflected("10.201.0.0/24", n, true));
        r.add(route("192.168.20.5/32", "kernel1", k, true, 10, UNICAST, dev("cali1234abcdc"), null, null, "inherit",
                kernelAttrs("3", false)));
        r.add(reflected("192.168.10.0/26", n, true));
        r.add(reflected("192.168.10.0/26", n, false));
        r.add(reflected("192.168.10.6/32", n, true));
        r.add(route("192.168.20.0/26", "static1", k, true, 200, BLACKHOLE, List.of(), null, null, "static", List.of()));
        r.add(route("192.168.20.0/26", "kernel1", k, false, 10, BLACKHOLE, List.of(), null, null, "inherit",
                kernelAttrs("80", false)));
        r.add(reflected("192.168.10.5/32", n, true));
        r.add(reflected("10.99.0.0/24", n, true));
        r.add(route("10.99.1.0/24", "direct1", k, true, 240, UNICAST, dev("vcb_c"), null, null, "device", List.of()));
        r.add(route("172.16.5.0/24", "Node_10_99_1_2", n, true, 100, UNICAST, via("10.99.1.2", "vcb_c"), "10.99.1.2", "0",
                "BGP", bgpAttrs("10.99.1.2", null)));
        b.counts.add(new TableCount("master4", V4, 12, 12, 10));
        return b;
    }

    private static ChannelInfo zeroChannel() {
        return channel("DOWN", 100, "ACCEPT", counts(0, 0, 0), stats(ZERO), null, null, null);
    }

    private static RouteInfo reflected(String prefix, Instant since, boolean primary) {
        return route(prefix, "Node_10_99_1_2", since, primary, 100, UNREACHABLE, List.of(), "10.99.1.2", "-", "BGP",
                bgpAttrs("10.99.0.1", "10.99.0.1"));
    }
}
