package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BirdProtocolParserTest {

    @Test
    void showProtocolsRows() {
        List<BirdProtocol> ps = BirdProtocolParser.parseProtocols(
                ReferenceCaptures.raw("bird2-node-a__show_protocols.raw").textLines());
        assertEquals(List.of("device1", "direct1", "kernel1", "static1", "Mesh_10_99_0_2", "Global_127_0_0_3",
                "Node_10_99_0_9"), ps.stream().map(BirdProtocol::name).toList());
        assertEquals(new BirdProtocol("kernel1", "Kernel", "master4", "up", "19:00:27.093", ""), ps.get(2));
        assertEquals(new BirdProtocol("Mesh_10_99_0_2", "BGP", "---", "up", "19:00:28.724", "Established"), ps.get(4));
        BirdProtocol global = ps.get(5);
        assertEquals("start", global.state());
        assertEquals("Active        Socket: Connection closed", global.info());
        assertEquals("Active", global.bgpState());
        assertTrue(ps.get(4).isEstablished());
        assertFalse(global.isEstablished());
    }

    @Test
    void birdcOutputGivesTheSameRows() {
        List<BirdProtocol> fromBirdc = BirdProtocolParser.parseProtocols(
                ReferenceCaptures.birdc("bird2-node-a__show_protocols.birdc.txt").textLines());
        assertEquals(7, fromBirdc.size());
        assertEquals("Mesh_10_99_0_2", fromBirdc.get(4).name());
        assertEquals("Established", fromBirdc.get(4).bgpState());
    }

    @Test
    void bird16RowsWithLowerCaseHeading() {
        List<BirdProtocol> ps = BirdProtocolParser.parseProtocols(
                ReferenceCaptures.raw("bird16-node-c__show_protocols.raw").textLines());
        assertFalse(ps.isEmpty());
        assertTrue(ps.stream().noneMatch(p -> p.name().equals("name")));
        assertTrue(ps.stream().allMatch(p -> p.table().equals("master")));
    }

    @Test
    void establishedSessionDetails() {
        List<BirdProtocolDetails> ds = BirdProtocolParser.parseDetails(
                ReferenceCaptures.raw("bird2-node-a__show_protocols_all_Mesh_10_99_0_2.raw").textLines());
        assertEquals(1, ds.size());
        BirdProtocolDetails d = ds.getFirst();
        assertEquals("Mesh_10_99_0_2", d.name());
        assertEquals("Established", d.bgpState());
        assertEquals("10.99.0.2", d.neighborAddress());
        assertEquals(64512, d.neighborAs());
        assertEquals(64512, d.localAs());
        assertEquals("10.99.0.2", d.neighborId());
        assertEquals("", d.lastError());
        assertEquals("Connection to BGP peer", d.field("Description"));
        assertEquals("internal multihop AS4", d.field("Session"));
        // "Restart time: 120" sits inside a capability block and is not a protocol field.
        assertFalse(d.fields().containsKey("Restart time"));
        assertEquals(1, d.channels().size());
        BirdChannelStatus v4 = d.channel("ipv4");
        assertEquals("UP", v4.state());
        assertEquals("master4", v4.table());
        assertEquals(5, v4.imported());
        assertEquals(8, v4.exported());
        assertEquals(4, v4.preferred());
        assertEquals(0, v4.filtered());
        assertEquals("10.99.0.1", v4.fields().get("BGP Next hop"));
        assertEquals(5, d.importedRoutes());
    }

    @Test
    void birdcOutputGivesTheSameDetails() {
        // The two captures were taken seconds apart, so only the running timers differ.
        BirdProtocolDetails raw = withoutTimers(BirdProtocolParser.parseDetails(
                ReferenceCaptures.raw("bird2-node-a__show_protocols_all_Mesh_10_99_0_2.raw").textLines()).getFirst());
        BirdProtocolDetails birdc = withoutTimers(BirdProtocolParser.parseDetails(
                ReferenceCaptures.birdc("bird2-node-a__show_protocols_all_Mesh_10_99_0_2.birdc.txt").textLines()).getFirst());
        assertEquals(raw, birdc);
        assertEquals(10, raw.fields().size());
    }

    private static BirdProtocolDetails withoutTimers(BirdProtocolDetails d) {
        java.util.Map<String, String> fields = new java.util.HashMap<>(d.fields());
        fields.remove("Hold timer");
        fields.remove("Keepalive timer");
        return new BirdProtocolDetails(d.protocol(), fields, d.channels());
    }

    @Test
    void activeSessionHasLastErrorAndADownChannelWithoutCounts() {
        BirdProtocolDetails d = BirdProtocolParser.parseDetails(
                ReferenceCaptures.raw("bird2-node-a__show_protocols_all_Global_127_0_0_3.raw").textLines()).getFirst();
        assertEquals("Active", d.bgpState());
        assertEquals("127.0.0.3", d.neighborAddress());
        assertEquals(65001, d.neighborAs());
        assertEquals(-1, new BirdProtocolDetails(d.protocol(), java.util.Map.of(), List.of()).neighborAs());
        assertEquals("Socket: Connection closed", d.lastError());
        assertEquals("DOWN", d.channel("ipv4").state());
        assertEquals(0, d.channel("ipv4").imported());
    }

    @Test
    void gracefulRestartHelperKeepsRoutes() {
        BirdProtocolDetails d = BirdProtocolParser.parseDetails(
                ReferenceCaptures.raw("bird2-rr-b-peer-crashed__show_protocols_all_Node_10_99_1_3.raw").textLines()).getFirst();
        assertTrue(d.fields().containsKey("Neighbor graceful restart active"));
        assertEquals("START", d.channel("ipv4").state());
        assertEquals(4, d.channel("ipv4").imported());
        assertEquals(3, d.channel("ipv4").preferred());
    }

    @Test
    void showProtocolsAllGivesOneBlockPerProtocol() {
        List<BirdProtocolDetails> ds = BirdProtocolParser.parseDetails(
                ReferenceCaptures.raw("bird2-node-a__show_protocols_all.raw").textLines());
        assertEquals(List.of("device1", "direct1", "kernel1", "static1", "Mesh_10_99_0_2", "Global_127_0_0_3",
                "Node_10_99_0_9"), ds.stream().map(BirdProtocolDetails::name).toList());
        assertTrue(ds.getFirst().channels().isEmpty());
        assertEquals(1, ds.get(1).channel("ipv4").imported());
        assertEquals("Passive", ds.get(6).bgpState());
    }
}
