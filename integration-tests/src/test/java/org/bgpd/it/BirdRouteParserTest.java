package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BirdRouteParserTest {

    private static List<BirdRoute> nodeA() {
        return BirdRouteParser.parse(ReferenceCaptures.raw("bird2-node-a__show_route_all.raw").textLines());
    }

    private static BirdRoute only(List<BirdRoute> routes, String prefix) {
        List<BirdRoute> found = routes.stream().filter(r -> r.prefix().equals(prefix)).toList();
        assertEquals(1, found.size(), () -> prefix + " in " + routes);
        return found.getFirst();
    }

    @Test
    void everyRouteLineBecomesARoute() {
        List<BirdRoute> routes = nodeA();
        assertEquals(13, routes.size());
        assertTrue(routes.stream().allMatch(r -> r.table().equals("master4")));
        assertEquals(11, routes.stream().filter(BirdRoute::primary).count());
    }

    @Test
    void aLongLivedStaleRouteKeepsItsPreference() {
        List<BirdRoute> rs = BirdRouteParser.parse(List.of(
                "Table master4:",
                "10.98.0.0/24         unreachable [peer2 21:56:37.255 from 127.0.0.2] * (100s) [AS65002i]",
                "\tBGP.community: (65535,6)"));
        assertEquals(1, rs.size());
        assertEquals(100, rs.get(0).preference());
        assertEquals("(65535,6)", rs.get(0).attribute("BGP.community"));
    }

    @Test
    void bgpRouteWithNextHopAndAttributes() {
        BirdRoute r = only(nodeA(), "172.16.5.0/24");
        assertEquals("unicast", r.type());
        assertEquals("Mesh_10_99_0_2", r.protocol());
        assertEquals("19:00:29.091", r.since());
        assertNull(r.from());
        assertTrue(r.primary());
        assertEquals(100, r.preference());
        assertEquals("i", r.bgpTag());
        assertEquals("10.99.0.2", r.via());
        assertEquals("vab_a", r.dev());
        assertEquals(List.of(new BirdNextHop("10.99.0.2", "vab_a")), r.nextHops());
        assertEquals(Map.of("Type", "BGP univ", "BGP.origin", "IGP", "BGP.as_path", "", "BGP.next_hop", "10.99.0.2",
                "BGP.local_pref", "100"), r.attributes());
        assertEquals("", r.asPath());
        assertEquals("10.99.0.2", r.bgpNextHop());
    }

    @Test
    void reflectedAlternateKeepsThePrefixAndItsOwnAttributes() {
        List<BirdRoute> both = nodeA().stream().filter(r -> r.prefix().equals("192.168.20.0/26")).toList();
        assertEquals(2, both.size());
        assertTrue(both.get(0).primary());
        assertFalse(both.get(1).primary());
        for (BirdRoute r : both) {
            assertEquals("unreachable", r.type());
            assertEquals("10.99.0.2", r.from());
            assertEquals("10.99.1.3", r.attribute("BGP.originator_id"));
            assertEquals("1.0.0.1", r.attribute("BGP.cluster_list"));
            assertNull(r.via());
        }
    }

    @Test
    void kernelDeviceRouteAndStaticBlackhole() {
        List<BirdRoute> routes = nodeA();
        BirdRoute felix = only(routes, "192.168.10.5/32");
        assertEquals("kernel1", felix.protocol());
        assertNull(felix.via());
        assertEquals("cali1234abcda", felix.dev());
        assertEquals("3", felix.attribute("Kernel.source"));
        assertNull(felix.asPath());
        List<BirdRoute> block = routes.stream().filter(r -> r.prefix().equals("192.168.10.0/26")).toList();
        assertEquals(List.of("static1", "kernel1"), block.stream().map(BirdRoute::protocol).toList());
        assertEquals(List.of("blackhole", "blackhole"), block.stream().map(BirdRoute::type).toList());
        assertEquals(200, block.get(0).preference());
        assertEquals("80", block.get(1).attribute("Kernel.source"));
    }

    @Test
    void birdcOutputGivesTheSameRoutes() {
        assertEquals(nodeA(), BirdRouteParser.parse(
                ReferenceCaptures.birdc("bird2-node-a__show_route_all.birdc.txt").textLines()));
    }

    @Test
    void shortShowRouteHasNoAttributes() {
        List<BirdRoute> routes = BirdRouteParser.parse(ReferenceCaptures.raw("bird2-node-a__show_route.raw").textLines());
        assertEquals(13, routes.size());
        assertTrue(routes.stream().allMatch(r -> r.attributes().isEmpty()));
        assertEquals("10.99.0.2", only(routes, "10.250.0.0/24").via());
    }

    @Test
    void routeReflectorView() {
        List<BirdRoute> routes = BirdRouteParser.parse(ReferenceCaptures.raw("bird2-rr-b__show_route_all.raw").textLines());
        BirdRoute r = only(routes, "10.201.0.0/24");
        assertEquals("Node_10_99_0_1", r.protocol());
        assertEquals("10.99.0.1", r.from());
        assertEquals("10.99.0.1", r.bgpNextHop());
    }

    @Test
    void bird16OneLineRoutes() {
        List<BirdRoute> routes = BirdRouteParser.parse(ReferenceCaptures.raw("bird16-node-c__show_route.raw").textLines());
        assertEquals(12, routes.size());
        BirdRoute bgp = only(routes, "172.16.5.0/24");
        assertEquals("unicast", bgp.type());
        assertEquals("10.99.1.2", bgp.via());
        assertEquals("vcb_c", bgp.dev());
        assertEquals(100, bgp.preference());
        BirdRoute dev = only(routes, "192.168.20.5/32");
        assertEquals("cali1234abcdc", dev.dev());
        assertEquals("unreachable", only(routes, "10.200.0.0/24").type());
    }

    @Test
    void multipathAndAttributeValuesWithSpaces() {
        List<String> lines = List.of(
                "Table master6:",
                "2001:db8:99::/48     unicast [peer1 20:28:04.355 from 127.0.0.2] * (100) [AS65001i]",
                "\tvia fd00::1 on eth0 weight 1",
                "\tvia fd00::2 on eth1 weight 1",
                "\tType: BGP univ",
                "\tBGP.as_path: 65001 65002",
                "\tBGP.community: (65000,1) (65000,2)",
                "\tBGP.large_community: (65000, 1, 2)");
        BirdRoute r = BirdRouteParser.parse(lines).getFirst();
        assertEquals("master6", r.table());
        assertEquals("AS65001i", r.bgpTag());
        assertEquals(List.of(new BirdNextHop("fd00::1", "eth0"), new BirdNextHop("fd00::2", "eth1")), r.nextHops());
        assertEquals("65001 65002", r.asPath());
        assertEquals("(65000,1) (65000,2)", r.attribute("BGP.community"));
        assertEquals("(65000, 1, 2)", r.attribute("BGP.large_community"));
    }
}
