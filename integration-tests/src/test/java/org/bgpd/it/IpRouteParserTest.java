package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit test on iproute2 6.1 output captured on Debian 12; needs no root. */
class IpRouteParserTest {

    @Test
    void felixRoutesDefaultAndMultipath() {
        String json = "[{\"dst\":\"default\",\"gateway\":\"192.0.2.1\",\"dev\":\"eth0\",\"flags\":[]},"
                + "{\"type\":\"blackhole\",\"dst\":\"10.244.1.0/26\",\"flags\":[]},"
                + "{\"dst\":\"10.244.1.5\",\"dev\":\"cali1\",\"scope\":\"link\",\"flags\":[\"linkdown\"]},"
                + "{\"dst\":\"10.96.0.0/24\",\"protocol\":\"bird\",\"metric\":32,\"flags\":[],"
                + "\"nexthops\":[{\"gateway\":\"10.0.0.2\",\"dev\":\"veth-a\",\"weight\":1,\"flags\":[]},"
                + "{\"gateway\":\"10.0.0.6\",\"dev\":\"veth-b\",\"weight\":2,\"flags\":[]}]},"
                + "{\"type\":\"local\",\"dst\":\"127.0.0.1\",\"dev\":\"lo\",\"table\":\"local\",\"protocol\":\"kernel\",\"scope\":\"host\",\"flags\":[]}]";
        List<IpRoute> routes = IpRouteParser.parse(json, false, "all");
        assertEquals(5, routes.size());
        assertEquals(new IpRoute("all", "0.0.0.0/0", "unicast", "eth0", "192.0.2.1", "boot", null, null, List.of()),
                routes.get(0));
        assertEquals("blackhole", routes.get(1).type());
        assertEquals("boot", routes.get(1).protocol());
        assertEquals("10.244.1.5/32", routes.get(2).prefix());
        assertEquals("link", routes.get(2).scope());
        IpRoute ecmp = routes.get(3);
        assertTrue(ecmp.isMultipath());
        assertEquals(32, ecmp.metric());
        assertEquals(List.of(new IpRoute.NextHop("10.0.0.2", "veth-a", 1), new IpRoute.NextHop("10.0.0.6", "veth-b", 2)),
                ecmp.nextHops());
        assertEquals("local", routes.get(4).table());
        assertEquals("kernel", routes.get(4).protocol());
    }

    @Test
    void ipv6HostAndDefaultRoutesGetLengths() {
        String json = "[{\"dst\":\"default\",\"gateway\":\"fd00::1\",\"dev\":\"eth0\",\"metric\":1024,\"flags\":[],\"pref\":\"medium\"},"
                + "{\"dst\":\"2001:db8::5\",\"dev\":\"cali1\",\"protocol\":\"boot\",\"metric\":1024,\"flags\":[],\"pref\":\"medium\"}]";
        List<IpRoute> routes = IpRouteParser.parse(json, true, "main");
        assertEquals("::/0", routes.get(0).prefix());
        assertEquals("2001:db8::5/128", routes.get(1).prefix());
        assertEquals(1024, routes.get(1).metric());
    }

    @Test
    void emptyOutputIsNoRoutesAndGarbageIsAnError() {
        assertEquals(List.of(), IpRouteParser.parse("", false, "main"));
        assertThrows(IllegalArgumentException.class, () -> IpRouteParser.parse("Error: ipv4: FIB table does not exist.", false, "7"));
    }
}
