package org.bgpd.fib.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Decodes messages captured from a real 6.x kernel (see CaptureKernelMessages) and re-encodes them. */
class KernelCaptureDecodeTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = KernelCaptureDecodeTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    static KernelRoute route(String name) throws IOException {
        byte[] b = resource(name);
        NlMessages m = new NlMessages(b, b.length);
        assertTrue(m.next());
        assertEquals(Rtnl.RTM_NEWROUTE, m.type());
        Decoded<KernelRoute> d = RouteCodec.decode(m.body(), i -> "if" + i);
        assertTrue(d.ok(), d.error());
        assertFalse(m.next());
        return d.value();
    }

    @Test
    void podRouteOnCaliInterface() throws IOException {
        KernelRoute r = route("kernel-route-pod.hex");
        assertEquals(Prefix.parse("10.244.1.5/32"), r.prefix());
        assertEquals(3, r.protocol());
        assertEquals(254, r.table());
        assertEquals(RouteType.UNICAST, r.type());
        assertEquals(KernelRoute.SCOPE_LINK, r.scope());
        assertEquals(1, r.nextHops().size());
        assertNull(r.nextHops().get(0).gateway());
        assertTrue(r.nextHops().get(0).ifindex() > 0);
    }

    @Test
    void blackholeBlockHasNoNextHop() throws IOException {
        KernelRoute r = route("kernel-route-blackhole.hex");
        assertEquals(Prefix.parse("10.244.1.0/26"), r.prefix());
        assertEquals(RouteType.BLACKHOLE, r.type());
        assertEquals(80, r.protocol());
        assertTrue(r.nextHops().isEmpty());
    }

    @Test
    void ecmpInTableAbove255WithWeightAndOnlinkHop() throws IOException {
        KernelRoute r = route("kernel-route-ecmp-table1000.hex");
        assertEquals(1000, r.table());
        assertEquals(186, r.protocol());
        assertEquals(20, r.metric());
        assertEquals(2, r.nextHops().size());
        assertEquals(NextHop.parse("192.168.50.2"), r.nextHops().get(0).gateway());
        assertEquals(2, r.nextHops().get(0).weight());
        assertFalse(r.nextHops().get(0).onlink());
        assertEquals(NextHop.parse("10.99.0.2"), r.nextHops().get(1).gateway());
        assertTrue(r.nextHops().get(1).onlink());
        assertEquals("if" + r.nextHops().get(1).ifindex(), r.nextHops().get(1).ifname());
    }

    @Test
    void singleOnlinkHop() throws IOException {
        KernelRoute r = route("kernel-route-onlink.hex");
        assertEquals(12, r.protocol());
        assertEquals(NextHop.parse("10.99.0.1"), r.nextHops().get(0).gateway());
        assertTrue(r.nextHops().get(0).onlink());
    }

    @Test
    void ipv6RouteGetsDefaultMetric() throws IOException {
        KernelRoute r = route("kernel-route-ipv6.hex");
        assertEquals(Prefix.parse("fd00:99::/64"), r.prefix());
        assertEquals(1024, r.metric());
        assertEquals(NextHop.parse("fd00:50::2"), r.nextHops().get(0).gateway());
    }

    @Test
    void linkNameIndexAndFlags() throws IOException {
        byte[] b = resource("kernel-link-cali123.hex");
        NlMessages m = new NlMessages(b, b.length);
        assertTrue(m.next());
        Decoded<KernelLink> d = LinkCodec.decodeLink(m.body());
        assertTrue(d.ok(), d.error());
        assertEquals("cali123", d.value().name());
        assertTrue(d.value().up());
        assertTrue(d.value().index() > 0);
    }

    /** Our encoding of a decoded kernel route decodes to the same route. */
    @Test
    void reencodedCapturesDecodeToTheSameRoute() throws IOException {
        for (String f : new String[] {"kernel-route-pod.hex", "kernel-route-blackhole.hex", "kernel-route-ecmp-table1000.hex",
                "kernel-route-onlink.hex", "kernel-route-ipv6.hex"}) {
            KernelRoute r = route(f);
            NlWriter w = new NlWriter(64);
            RouteCodec.encode(w, Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_REQUEST, 1, r);
            NlMessages m = new NlMessages(w.array(), w.size());
            assertTrue(m.next());
            KernelRoute back = RouteCodec.decode(m.body(), i -> "if" + i).value();
            assertEquals(r, back, f);
        }
    }
}
