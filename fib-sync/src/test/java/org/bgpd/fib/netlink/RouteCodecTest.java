package org.bgpd.fib.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bgpd.fib.model.KernelAddress;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Round trips of generated routes, links and addresses, and malformed input that must not throw. */
class RouteCodecTest {

    static KernelRoute randomRoute(Random rnd) {
        boolean v6 = rnd.nextBoolean();
        int len = rnd.nextInt(v6 ? 129 : 33);
        Prefix p = v6 ? Prefix.v6(rnd.nextLong(), rnd.nextLong(), len) : Prefix.v4(rnd.nextInt(), len);
        int table = rnd.nextBoolean() ? 254 : 1 + rnd.nextInt(100_000);
        int protocol = 1 + rnd.nextInt(255);
        int metric = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(Integer.MAX_VALUE);
        if (rnd.nextInt(5) == 0) {
            RouteType t = List.of(RouteType.BLACKHOLE, RouteType.UNREACHABLE, RouteType.PROHIBIT).get(rnd.nextInt(3));
            return new KernelRoute(p, table, protocol, t, metric, 0, 0, List.of());
        }
        int n = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0);
        List<KernelNextHop> hops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NextHop gw = switch (rnd.nextInt(3)) {
                case 0 -> null;
                case 1 -> NextHop.v4(rnd.nextInt());
                default -> NextHop.v6(rnd.nextLong(), rnd.nextLong());
            };
            int ifindex = gw == null || rnd.nextBoolean() ? 1 + rnd.nextInt(1000) : 0;
            hops.add(new KernelNextHop(gw, ifindex, ifindex == 0 ? null : "if" + ifindex, gw != null && rnd.nextBoolean(),
                    n > 1 ? 1 + rnd.nextInt(256) : 1));
        }
        return new KernelRoute(p, table, protocol, RouteType.UNICAST, metric, rnd.nextBoolean() ? 0 : 253, rnd.nextInt(4) * 4, hops);
    }

    static byte[] encode(KernelRoute r) {
        NlWriter w = new NlWriter(16);
        RouteCodec.encode(w, Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_REQUEST, 7, r);
        return java.util.Arrays.copyOf(w.array(), w.size());
    }

    static Decoded<KernelRoute> decode(byte[] b) {
        NlMessages m = new NlMessages(b, b.length);
        if (!m.next()) return Decoded.malformed("no message");
        return RouteCodec.decode(m.body(), i -> "if" + i);
    }

    @Test
    void randomRoutesRoundTrip() {
        Random rnd = new Random(186);
        for (int i = 0; i < 5_000; i++) {
            KernelRoute r = randomRoute(rnd);
            Decoded<KernelRoute> d = decode(encode(r));
            assertTrue(d.ok(), d.error());
            assertEquals(r, d.value());
        }
    }

    @Test
    void batchOfMessagesIsWalkedInOrder() {
        NlWriter w = new NlWriter(16);
        Random rnd = new Random(7);
        List<KernelRoute> in = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            KernelRoute r = randomRoute(rnd);
            in.add(r);
            RouteCodec.encode(w, Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_REQUEST, 1000 + i, r);
        }
        NlMessages m = new NlMessages(w.array(), w.size());
        for (int i = 0; i < 100; i++) {
            assertTrue(m.next());
            assertEquals(1000 + i, m.seq());
            assertEquals(in.get(i), RouteCodec.decode(m.body(), x -> "if" + x).value());
        }
        assertFalse(m.next());
        assertFalse(m.malformed());
    }

    @Test
    void linkAndAddressRoundTrip() {
        NlWriter w = new NlWriter(16);
        KernelLink link = new KernelLink(42, "cali0123456789a", KernelLink.IFF_UP | KernelLink.IFF_RUNNING);
        LinkCodec.encodeLink(w, Rtnl.RTM_NEWLINK, 0, 1, link);
        KernelAddress a4 = new KernelAddress(42, Prefix.parse("192.168.1.7/32"), 24, 0);
        LinkCodec.encodeAddress(w, Rtnl.RTM_NEWADDR, 0, 2, a4);
        KernelAddress a6 = new KernelAddress(42, Prefix.parse("fd00::7/128"), 64, 0);
        LinkCodec.encodeAddress(w, Rtnl.RTM_NEWADDR, 0, 3, a6);
        NlMessages m = new NlMessages(w.array(), w.size());
        assertTrue(m.next());
        assertEquals(link, LinkCodec.decodeLink(m.body()).value());
        assertTrue(m.next());
        assertEquals(a4, LinkCodec.decodeAddress(m.body()).value());
        assertTrue(m.next());
        assertEquals(a6, LinkCodec.decodeAddress(m.body()).value());
    }

    @Test
    void ackAndErrorMessagesCarryErrnoAndRequestSeq() {
        NlWriter w = new NlWriter(16);
        int s = w.beginMessage(Rtnl.NLMSG_ERROR, Rtnl.NLM_F_CAPPED | Rtnl.NLM_F_ACK_TLVS, 77);
        w.u32(-Errno.ENETUNREACH);
        w.u32(28).u16(Rtnl.RTM_NEWROUTE).u16(5).u32(77).u32(0); // echoed request header
        w.attrString(Rtnl.NLMSGERR_ATTR_MSG, "Nexthop has invalid gateway");
        w.endMessage(s);
        NlMessages m = new NlMessages(w.array(), w.size());
        assertTrue(m.next());
        assertEquals(Errno.ENETUNREACH, m.errorCode());
        assertEquals(77, m.errorRequestSeq());
        assertEquals("Nexthop has invalid gateway", m.errorMessage());
    }

    @Test
    void malformedMessagesAreResultsNotExceptions() {
        KernelRoute r = new KernelRoute(Prefix.parse("10.0.0.0/8"), 254, 186, RouteType.UNICAST, 0, 0, 0,
                List.of(KernelNextHop.via(NextHop.parse("192.0.2.1")), KernelNextHop.via(NextHop.parse("192.0.2.2"))));
        byte[] good = encode(r);
        byte[] badLen = good.clone();
        badLen[17] = 99; // rtm_dst_len beyond 32
        assertTrue(decode(badLen).isMalformed());
        byte[] shortBody = java.util.Arrays.copyOf(good, 16 + 8);
        shortBody[0] = 24;
        assertTrue(decode(shortBody).isMalformed());
        byte[] badAttr = good.clone();
        badAttr[16 + 12] = (byte) 0xF0; // first rtattr's length runs past the message
        assertTrue(decode(badAttr).isMalformed());
    }

    /** Every truncation and many random byte flips of real messages decode without throwing. */
    @Test
    void mutatedMessagesNeverThrow() {
        Random rnd = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] good = encode(randomRoute(rnd));
            for (int cut = 0; cut < good.length; cut++) decode(java.util.Arrays.copyOf(good, cut));
            for (int k = 0; k < 50; k++) {
                byte[] b = good.clone();
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                Decoded<KernelRoute> d = decode(b);
                assertTrue(d.ok() || d.isMalformed() || d.value() == null);
                NlMessages m = new NlMessages(b, b.length);
                while (m.next()) LinkCodec.decodeLink(m.body());
            }
        }
    }
}
