package org.bgpd.rib.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

class UpdateEncoderTest {
    static final NextHop SELF4 = NextHop.parse("192.0.2.1");
    static final NextHop SELF6 = NextHop.v6(0x20010db800000000L, 1, 0xfe80000000000000L, 1);
    static final EncodeContext CTX = EncodeContext.of(SELF4, SELF6);

    static NlriList list(String... prefixes) {
        NlriList.Builder b = NlriList.builder(Prefix.parse(prefixes[0]).family(), false, prefixes.length);
        for (String p : prefixes) b.add(Prefix.parse(p), 0);
        return b.build();
    }

    @Test
    void ipv4StaticRouteMatchesBirdsBytes() {
        Attrs a = new AttrsBuilder().asPath(65001).build(); // next hop SELF
        List<byte[]> bodies = new UpdateEncoder(CTX).announce(a, list("10.0.0.0/24"));
        assertEquals(1, bodies.size());
        assertArrayEquals(UpdateDecoderTest.BIRD_STATIC_V4, bodies.getFirst());
    }

    @Test
    void ipv6GoesInMpReachWithGlobalAndLinkLocalNextHop() {
        Attrs a = new AttrsBuilder().asPath(65001).communities(0xfde90064).build();
        byte[] body = new UpdateEncoder(CTX).announce(a, list("2001:db8:1::/48")).getFirst();
        String expected = "0000 0044" + Hex.ORIGIN_IGP + Hex.AS_PATH_65001 + "c00804fde90064"
                + "900e002c 0002 01 20 20010db8000000000000000000000001 fe800000000000000000000000000001 00 30 20010db80001";
        assertEquals(Hex.of(Hex.bytes(expected)), Hex.of(body));
        InboundUpdate u = UpdateDecoder.decode(body, UpdateDecoderTest.EBGP);
        assertEquals(SELF6, u.attrs6().nextHop());
    }

    @Test
    void mpReachSitsAtItsTypeCodePlace() {
        Attrs a = new AttrsBuilder().asPath(65001).addLargeCommunity(1, 2, 3).build();
        byte[] body = new UpdateEncoder(CTX).announce(a, list("2001:db8::/32")).getFirst();
        List<Integer> codes = new java.util.ArrayList<>();
        for (int p = 4; p < body.length; ) {
            int flags = body[p] & 0xFF, len = (flags & 0x10) != 0 ? UpdateDecoder.u16(body, p + 2) : body[p + 2] & 0xFF;
            codes.add(body[p + 1] & 0xFF);
            p += ((flags & 0x10) != 0 ? 4 : 3) + len;
        }
        assertEquals(List.of(1, 2, 14, 32), codes);
    }

    @Test
    void withdrawalsAndEndOfRib() {
        UpdateEncoder e = new UpdateEncoder(CTX);
        assertEquals("0004 180a0000 0000", Hex.of(e.withdraw(list("10.0.0.0/24")).getFirst()).replaceAll("(.{4})(.{8})(.{4})", "$1 $2 $3"));
        assertEquals("00000000", Hex.of(e.endOfRib(Family.IPV4_UNICAST)));
        assertEquals("00000006800f03000201", Hex.of(e.endOfRib(Family.IPV6_UNICAST)));
        assertEquals(Family.IPV6_UNICAST, UpdateDecoder.decode(e.endOfRib(Family.IPV6_UNICAST), UpdateDecoderTest.EBGP).endOfRib());
        InboundUpdate w6 = UpdateDecoder.decode(e.withdraw(list("2001:db8::/32", "2001:db8:1::/48")).getFirst(), UpdateDecoderTest.EBGP);
        assertEquals(list("2001:db8::/32", "2001:db8:1::/48"), w6.withdrawn6());
    }

    @Test
    void headerIsMarkerLengthAndType() {
        byte[] m = UpdateEncoder.message(Hex.bytes("00000000"));
        assertEquals("ffffffffffffffffffffffffffffffff" + "0017" + "02" + "00000000", Hex.of(m));
    }

    @Test
    void twoOctetPeerGetsAsTransAndAs4Attributes() {
        Attrs a = new AttrsBuilder().asPath(65001, (int) 4200000001L).aggregator((int) 4200000001L, 0x0a000001).build();
        byte[] body = new UpdateEncoder(CTX.withFourOctetAs(false)).announce(a, list("10.0.0.0/24")).getFirst();
        String attrs = Hex.ORIGIN_IGP + "40 02 06 02 02 fde9 5ba0" + Hex.NEXT_HOP_192_0_2_1 + "c0 07 06 5ba0 0a000001"
                + "c0 11 0a 02 02 0000fde9 fa56ea01" + "c0 12 08 fa56ea01 0a000001";
        assertEquals(Hex.of(Hex.update("", attrs, Hex.NLRI_10_0_0_0_24)), Hex.of(body));
        InboundUpdate u = UpdateDecoder.decode(body, UpdateDecoderTest.EBGP.withFourOctetAs(false));
        assertEquals(AttrsBuilder.from(a).nextHop(SELF4).build(), u.attrs());
    }

    @Test
    void twoOctetPeerWithSmallAsesGetsNoAs4Path() {
        Attrs a = new AttrsBuilder().asPath(65001, 65002).aggregator(65002, 1).build();
        byte[] body = new UpdateEncoder(CTX.withFourOctetAs(false)).announce(a, list("10.0.0.0/24")).getFirst();
        String attrs = Hex.ORIGIN_IGP + "40 02 06 02 02 fde9 fdea" + Hex.NEXT_HOP_192_0_2_1 + "c0 07 06 fdea 00000001";
        assertEquals(Hex.of(Hex.update("", attrs, Hex.NLRI_10_0_0_0_24)), Hex.of(body));
    }

    @Test
    void addPathSendWritesIdsAndZeroWhenAbsent() {
        EncodeContext ctx = CTX.withAddPath(Set.of(Family.IPV4_UNICAST));
        NlriList l = NlriList.builder(Family.IPV4_UNICAST, true, 1).add(Prefix.parse("10.0.0.0/24"), 9).build();
        byte[] body = new UpdateEncoder(ctx).announce(new AttrsBuilder().asPath(65001).build(), l).getFirst();
        assertTrue(Hex.of(body).endsWith("00000009180a0000"));
        byte[] noIds = new UpdateEncoder(ctx).announce(new AttrsBuilder().asPath(65001).build(), list("10.0.0.0/24")).getFirst();
        assertTrue(Hex.of(noIds).endsWith("00000000180a0000"));
    }

    @Test
    void misuseIsRejected() {
        UpdateEncoder e = new UpdateEncoder(CTX);
        Attrs v6nh = new AttrsBuilder().asPath(65001).nextHop(SELF6).build();
        assertThrows(IllegalArgumentException.class, () -> e.announce(v6nh, list("10.0.0.0/24")));
        AttrsBuilder huge = new AttrsBuilder().asPath(65001);
        for (int i = 0; i < 1100; i++) huge.addCommunity(i);
        assertThrows(IllegalArgumentException.class, () -> e.announce(huge.build(), list("10.0.0.0/24")));
    }
}
