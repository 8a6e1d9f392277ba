package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies with no capture to compare against: their layout follows BIRD's sources. */
class RepliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bird2GracefulRestartBlockAndPhases() {
        FakeBackend b = LabData.nodeA(201);
        b.status = new StatusInfo("10.99.0.1", "vm", b.status.serverTime(), b.status.lastReboot(),
                b.status.lastReconfiguration(), StatusInfo.Phase.SHUTTING_DOWN, new StatusInfo.GrRecovery(2, 118_423, 240));
        assertEquals("""
                1000-BIRD 2.0.12
                1011-Router ID is 10.99.0.1
                 Hostname is vm
                 Current server time is 2026-11-21 19:00:41.256
                 Last reboot on 2026-11-21 19:00:27.093
                 Last reconfiguration on 2026-11-21 19:00:27.093
                0024-Graceful restart recovery in progress
                   Waiting for 2 channels to recover
                   Wait timer is 118.423/240
                0013 Shutdown in progress
                """, CaptureTest.reply(b, Dialect.BIRD2, "show status"));
    }

    @Test
    void bird1MemoryAndOldTimes() {
        FakeBackend c = LabData1.nodeC(LabData1.Phase.NORMAL);
        assertEquals("""
                1018-BIRD memory usage
                 Routing tables:     35 kB
                 Route attributes:   10 kB
                 ROA tables:          0  B
                 Protocols:          28 kB
                 Total:             112 kB
                0000 \n""", CaptureTest.reply(c, Dialect.BIRD1, "show memory"));
        ProtocolInfo k = c.protocols.get(0);
        c.protocols.set(0, new ProtocolInfo(k.name(), k.proto(), k.table(), k.state(), LabData.t("19:00:27").minusSeconds(86_400),
                k.info(), null, k.family(), k.channels(), null));
        assertTrue(CaptureTest.reply(c, Dialect.BIRD1, "show protocols").contains("\n1002-kernel1  Kernel   master   up     2026-11-20  \n"));
    }

    @Test
    void actionOutcomesAndConfigureErrors() {
        FakeBackend b = LabData.nodeA(201);
        b.outcomes.put("kernel1", ProtocolAction.Outcome.ALREADY);
        b.outcomes.put("static1", ProtocolAction.Outcome.FAILED);
        b.outcomes.put("direct1", ProtocolAction.Outcome.SILENT);
        assertEquals("0010-kernel1: already enabled\n0000 \n", CaptureTest.reply(b, Dialect.BIRD2, "enable kernel1"));
        assertEquals("0008-kernel1: already disabled\n0000 \n", CaptureTest.reply(b, Dialect.BIRD2, "restart kernel1"));
        String reload = CaptureTest.reply(b, Dialect.BIRD2, "reload in all");
        assertEquals("""
                0015-device1: reloading
                0008-kernel1: already disabled
                8006-static1: reload failed
                0015-Mesh_10_99_0_2: reloading
                 Global_127_0_0_3: reloading
                 Node_10_99_0_9: reloading
                0000 \n""", reload);
        b.configureFailure = new ConfigureResult(ConfigureResult.Outcome.FAILED, "bad.yaml",
                "bad.yaml:2:10 unknown key 'peerz'");
        assertEquals("0002-Reading configuration from bad.yaml\n8002 bad.yaml:2:10 unknown key 'peerz'\n",
                CaptureTest.reply(b, Dialect.BIRD2, "configure \"bad.yaml\""));
        assertEquals("8007 Access denied\n", CaptureTest.reply(b, Dialect.BIRD2, "restrict", "down"));
    }

    @Test
    void backendFailureEndsTheReplyInsteadOfThrowing() {
        FakeBackend b = LabData.nodeA(201);
        b.memory = null;
        String r = CaptureTest.reply(b, Dialect.BIRD2, "show memory");
        assertTrue(r.endsWith("\n8099 Internal error: NullPointerException\n"), r);
        assertEquals(Captures.raw("bird2-node-a__show_status"), CaptureTest.reply(b, Dialect.BIRD2, "show memory", "show status"));
    }

    @Test
    void aLongLivedStaleRouteIsMarkedLikeBird() {
        FakeBackend b = LabData.nodeA(201);
        b.routes.clear();
        RouteInfo r = LabData.route("10.1.0.0/16", "Mesh_1", LabData.t("19:00:41.257"), true, 100, RouteInfo.RouteDest.UNICAST,
                LabData.via("10.99.0.2", "eth0"), null, null, "BGP", LabData.bgpAttrs("10.99.0.2", null));
        b.routes.add(new RouteInfo(r.table(), r.family(), r.prefix(), r.protocol(), r.since(), r.primary(), r.preference(), r.dest(),
                r.nextHops(), r.from(), r.igpMetric(), r.source(), r.scope(), r.attributes(), true));
        // BIRD 2's bgp_get_route_info prints "s" after the preference of a route with LLGR_STALE
        String reply = CaptureTest.reply(b, Dialect.BIRD2, "show route");
        assertTrue(reply.contains(" 10.1.0.0/16          unicast [Mesh_1 19:00:41.257] * (100s) [i]\n"), reply);
        assertTrue(CaptureTest.reply(b, Dialect.BIRD2, "json show route").contains("\"stale\":true"));
    }

    @Test
    void explicitTableHeadingEvenWhenEmpty() {
        assertEquals("1007-Table master6:\n0000 \n", CaptureTest.reply(LabData.nodeA(201), Dialect.BIRD2, "show route table master6"));
    }

    @Test
    void jsonLinesPerCommand() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        String status = CaptureTest.reply(b, Dialect.BIRD2, "json show status");
        assertTrue(status.startsWith("1200-{") && status.endsWith("\n0000 \n"), status);
        JsonNode s = JSON.readTree(status.substring(5, status.indexOf('\n')));
        assertEquals("status", s.get("type").asText());
        assertEquals("10.99.0.1", s.get("routerId").asText());
        assertEquals("2026-11-21T19:00:41.256Z", s.get("serverTime").asText());
        assertTrue(s.get("gracefulRestart").isNull());

        List<JsonNode> protos = lines(CaptureTest.reply(b, Dialect.BIRD2, "json show protocols \"Mesh*\""));
        assertEquals(1, protos.size());
        assertEquals("Established", protos.get(0).get("bgp").get("state").asText());
        assertEquals(186_701, protos.get(0).get("bgp").get("holdTimerMs").asLong());

        List<JsonNode> routes = lines(CaptureTest.reply(b, Dialect.BIRD2, "json show route all"));
        assertEquals(13, routes.size());
        assertEquals("172.16.5.0/24", routes.get(1).get("prefix").asText());
        assertEquals("10.99.0.2", routes.get(1).get("nextHops").get(0).get("gateway").asText());
        assertEquals("100", routes.get(1).get("attributes").get("BGP.local_pref").asText());

        List<JsonNode> counts = lines(CaptureTest.reply(b, Dialect.BIRD2, "json show route count"));
        assertEquals(13, counts.get(0).get("shown").asLong());
        assertEquals("8003 No protocols match\n", CaptureTest.reply(b, Dialect.BIRD2, "json disable \"zz*\""));
        assertEquals("DONE", lines(CaptureTest.reply(b, Dialect.BIRD2, "json disable kernel1")).get(0).get("outcome").asText());
    }

    private static List<JsonNode> lines(String reply) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : reply.split("\n")) {
            if (line.startsWith("1200-") || line.startsWith(" {")) out.add(JSON.readTree(line.substring(line.indexOf('{'))));
        }
        return out;
    }
}
