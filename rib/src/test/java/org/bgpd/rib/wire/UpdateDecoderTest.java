package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.Hex.BASE;
import static org.bgpd.rib.wire.Hex.NLRI_10_0_0_0_24;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

class UpdateDecoderTest {
    static final DecodeContext EBGP = DecodeContext.of(false, 65000);
    static final DecodeContext IBGP = DecodeContext.of(true, 65000);

    /** What BIRD 2 sends for a static 10.0.0.0/24 from AS 65001 with next hop 192.0.2.1. */
    static final byte[] BIRD_STATIC_V4 = Hex.bytes("0000 0014 40010100 40020602010000fde9 400304c0000201 180a0000");

    @Test
    void goldenIpv4StaticRoute() {
        assertArrayEquals(BIRD_STATIC_V4, Hex.update("", BASE, NLRI_10_0_0_0_24));
        InboundUpdate u = UpdateDecoder.decode(BIRD_STATIC_V4, EBGP);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(1, u.announced4().size());
        assertEquals(Prefix.parse("10.0.0.0/24"), u.announced4().prefix(0));
        Attrs a = u.attrs();
        assertEquals(NextHop.parse("192.0.2.1"), a.nextHop());
        assertEquals(Attrs.ORIGIN_IGP, a.origin());
        assertEquals(1, a.asPathLength());
        assertEquals(65001, a.neighborAs());
        assertEquals(65001, a.originAs());
        assertEquals("65001", AttrsView.asPathText(a));
        // canonical bytes: ORIGIN and AS_PATH, no NEXT_HOP
        assertEquals("40010100" + "40020602010000fde9", Hex.of(a.wire()));
        assertNull(u.endOfRib());
    }

    /** BIRD 2's IPv6 announcement: MP_REACH_NLRI with a global and a link-local next hop (RFC 2545 §3). */
    @Test
    void goldenIpv6WithLinkLocalNextHop() {
        String mpReach = "90 0e 002c 0002 01 20 20010db8000000000000000000000001 fe800000000000000000000000000001 00 30 20010db80001";
        byte[] body = Hex.update("", Hex.ORIGIN_IGP + Hex.AS_PATH_65001 + mpReach, "");
        InboundUpdate u = UpdateDecoder.decode(body, EBGP);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(Prefix.parse("2001:db8:1::/48"), u.announced6().prefix(0));
        assertTrue(u.announced4().isEmpty());
        NextHop nh = u.attrs6().nextHop();
        assertEquals("2001:db8::1 fe80::1", nh.toString());
        assertEquals(u.attrs6(), u.attrs());
    }

    @Test
    void ipv4EndOfRibIsAnEmptyUpdate() {
        InboundUpdate u = UpdateDecoder.decode(Hex.bytes("00000000"), EBGP);
        assertEquals(Family.IPV4_UNICAST, u.endOfRib());
        assertEquals(ErrorAction.NONE, u.action());
    }

    @Test
    void ipv6EndOfRibIsAnEmptyMpUnreach() {
        InboundUpdate u = UpdateDecoder.decode(Hex.update("", "80 0f 03 0002 01", ""), EBGP);
        assertEquals(Family.IPV6_UNICAST, u.endOfRib());
        // with a prefix it is a plain withdrawal
        InboundUpdate w = UpdateDecoder.decode(Hex.update("", "80 0f 08 0002 01 20 20010db8", ""), EBGP);
        assertNull(w.endOfRib());
        assertEquals(Prefix.parse("2001:db8::/32"), w.withdrawn6().prefix(0));
    }

    @Test
    void withdrawOnly() {
        InboundUpdate u = UpdateDecoder.decode(Hex.update("18 0a0000 20 0a000001", "", ""), EBGP);
        assertEquals(2, u.withdrawn4().size());
        assertEquals(Prefix.parse("10.0.0.1/32"), u.withdrawn4().prefix(1));
        assertNull(u.attrs());
    }

    @Test
    void addPathIdsPrecedeEachPrefix() {
        DecodeContext ctx = EBGP.withAddPath(Set.of(Family.IPV4_UNICAST));
        byte[] body = Hex.update("00000007 18 0a0100", BASE, "00000001 18 0a0000 00000002 18 0a0000");
        InboundUpdate u = UpdateDecoder.decode(body, ctx);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(2, u.announced4().size());
        assertEquals(1, u.announced4().pathId(0));
        assertEquals(2, u.announced4().pathId(1));
        assertEquals(7, u.withdrawn4().pathId(0));
    }

    @Test
    void ipv4InMpReachMergesWithClassicNlri() {
        String mp = "80 0e 0d 0001 01 04 c0000202 00 18 0a0200";
        InboundUpdate u = UpdateDecoder.decode(Hex.update("", BASE + mp, NLRI_10_0_0_0_24), EBGP);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(2, u.announced4().size());
        assertEquals(Prefix.parse("10.2.0.0/24"), u.announced4().prefix(0));
        // only MP-carried IPv4: its own next hop applies
        InboundUpdate mpOnly = UpdateDecoder.decode(Hex.update("", Hex.ORIGIN_IGP + Hex.AS_PATH_65001 + mp, ""), EBGP);
        assertEquals(NextHop.parse("192.0.2.2"), mpOnly.attrs4().nextHop());
    }

    @Test
    void hostBitsAreCleared() {
        InboundUpdate u = UpdateDecoder.decode(Hex.update("", BASE, "18 0a0000".replace("0a0000", "0a00ff") + "17 0a0001"), EBGP);
        assertEquals(Prefix.parse("10.0.255.0/24"), u.announced4().prefix(0));
        assertEquals(Prefix.parse("10.0.0.0/23"), u.announced4().prefix(1));
    }

    @Test
    void canonicalFormSortsAttributesAndNormalisesFlags() {
        // communities first with an extended-length flag it does not need, LOCAL_PREF from iBGP, then ORIGIN
        String comm = "d0 08 0004 fde90064";
        String lp = "40 05 04 00000064";
        byte[] body = Hex.update("", comm + lp + Hex.AS_PATH_65001 + Hex.NEXT_HOP_192_0_2_1 + Hex.ORIGIN_IGP, NLRI_10_0_0_0_24);
        InboundUpdate u = UpdateDecoder.decode(body, IBGP);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals("40010100" + "40020602010000fde9" + "400504" + "00000064" + "c00804fde90064", Hex.of(u.attrs().wire()));
        assertEquals(100, u.attrs().localPref());
        assertArrayEquals(new int[] {0xfde90064}, AttrsView.communities(u.attrs()));
    }

    @Test
    void wellKnownCommunitiesSetFlags() {
        String comm = "c0 08 14 ffffff01 ffffff02 ffffff03 ffff0006 ffff0007";
        InboundUpdate u = UpdateDecoder.decode(Hex.update("", BASE + comm, NLRI_10_0_0_0_24), EBGP);
        Attrs a = u.attrs();
        for (int f : new int[] {Attrs.NO_EXPORT, Attrs.NO_ADVERTISE, Attrs.NO_EXPORT_SUBCONFED, Attrs.LLGR_STALE, Attrs.NO_LLGR})
            assertTrue(a.has(f), "flag " + f);
    }

    @Test
    void unknownOptionalTransitiveKeptWithPartialNonTransitiveDropped() {
        String unknownTransitive = "c0 63 02 abcd";
        String unknownNonTransitive = "80 64 01 01";
        InboundUpdate u = UpdateDecoder.decode(Hex.update("", BASE + unknownNonTransitive + unknownTransitive, NLRI_10_0_0_0_24), EBGP);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals("40010100" + "40020602010000fde9" + "e06302abcd", Hex.of(u.attrs().wire()));
    }

    @Test
    void sameAttributesFromTwoUpdatesInternToOneId() {
        byte[] first = Hex.update("", BASE + "c0 08 04 fde90064", NLRI_10_0_0_0_24);
        // same set, different order and flag spelling, other prefixes
        byte[] second = Hex.update("18 0b0000", "d0 08 0004 fde90064" + Hex.NEXT_HOP_192_0_2_1 + Hex.AS_PATH_65001 + Hex.ORIGIN_IGP, "10 0a01");
        AttrsTable table = new AttrsTable();
        int a = table.intern(UpdateDecoder.decode(first, EBGP).attrs());
        int b = table.intern(UpdateDecoder.decode(second, EBGP).attrs());
        assertEquals(a, b);
        assertEquals(2, table.refCount(a));
        int c = table.intern(UpdateDecoder.decode(Hex.update("", BASE, NLRI_10_0_0_0_24), EBGP).attrs());
        assertTrue(c != a);
    }

    @Test
    void decodesAtAnOffsetInsideALargerBuffer() {
        byte[] framed = new byte[BIRD_STATIC_V4.length + 30];
        System.arraycopy(BIRD_STATIC_V4, 0, framed, 19, BIRD_STATIC_V4.length);
        InboundUpdate u = UpdateDecoder.decode(framed, 19, BIRD_STATIC_V4.length, EBGP.withFamilies(EnumSet.of(Family.IPV4_UNICAST)));
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(1, u.announced4().size());
    }
}
