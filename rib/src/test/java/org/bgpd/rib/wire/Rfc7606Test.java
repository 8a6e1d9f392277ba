package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.ErrorAction.AFI_SAFI_DISABLE;
import static org.bgpd.rib.wire.ErrorAction.ATTRIBUTE_DISCARD;
import static org.bgpd.rib.wire.ErrorAction.SESSION_RESET;
import static org.bgpd.rib.wire.ErrorAction.TREAT_AS_WITHDRAW;
import static org.bgpd.rib.wire.Hex.AS_PATH_65001;
import static org.bgpd.rib.wire.Hex.BASE;
import static org.bgpd.rib.wire.Hex.NEXT_HOP_192_0_2_1;
import static org.bgpd.rib.wire.Hex.NLRI_10_0_0_0_24;
import static org.bgpd.rib.wire.Hex.ORIGIN_IGP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

/** One test per RFC 7606 §7 attribute case and per §3/§4/§5 rule: action, code/subcode, data. */
class Rfc7606Test {
    static final DecodeContext EBGP = UpdateDecoderTest.EBGP;
    static final DecodeContext IBGP = UpdateDecoderTest.IBGP;
    static final String V6_REACH_OK = "80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 20 20010db8";

    static InboundUpdate decode(DecodeContext ctx, String attrs, String nlri) {
        return UpdateDecoder.decode(Hex.update("", attrs, nlri), ctx);
    }

    /** Treat-as-withdraw: nothing announced, the announced prefix withdrawn, the RFC 4271 error kept for logging. */
    static void withdrawn(InboundUpdate u, int subcode, String data) {
        assertEquals(TREAT_AS_WITHDRAW, u.action());
        assertNull(u.attrs());
        assertTrue(u.announced4().isEmpty());
        assertEquals(Prefix.parse("10.0.0.0/24"), u.withdrawn4().prefix(0));
        assertEquals(3, u.error().code());
        assertEquals(subcode, u.error().subcode());
        if (data != null) assertEquals(Hex.of(Hex.bytes(data)), Hex.of(u.error().data()));
    }

    static void reset(InboundUpdate u, int subcode, String data) {
        assertEquals(SESSION_RESET, u.action());
        assertFalse(u.usable());
        assertTrue(u.announced4().isEmpty() && u.withdrawn4().isEmpty() && u.announced6().isEmpty());
        assertEquals(3, u.error().code());
        assertEquals(subcode, u.error().subcode());
        if (data != null) assertEquals(Hex.of(Hex.bytes(data)), Hex.of(u.error().data()));
    }

    /** Attribute discard: the route stays, without the attribute. */
    static Attrs discarded(InboundUpdate u, int code) {
        assertEquals(ATTRIBUTE_DISCARD, u.action());
        assertArrayEquals(new int[] {code}, u.discarded());
        assertEquals(1, u.announced4().size());
        assertEquals(-1, CanonicalAttrs.find(u.attrs().wire(), code));
        return u.attrs();
    }

    @Test void s7_1_originUndefinedValue() { withdrawn(decode(EBGP, "40010103" + AS_PATH_65001 + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 6, "40010103"); }

    @Test void s7_1_originBadLength() { withdrawn(decode(EBGP, "4001020000" + AS_PATH_65001 + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 5, "4001020000"); }

    @Test void s7_2_asPathZeroLengthSegment() { withdrawn(decode(EBGP, ORIGIN_IGP + "4002020200" + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 11, "4002020200"); }

    @Test void s7_2_asPathSegmentOverrun() { withdrawn(decode(EBGP, ORIGIN_IGP + "400206020200000001" + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 11, null); }

    @Test void s7_2_asPathUnknownSegmentType() { withdrawn(decode(EBGP, ORIGIN_IGP + "40020605010000fde9" + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 11, null); }

    @Test void s7_3_nextHopBadLength() { withdrawn(decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + "400305c000020100", NLRI_10_0_0_0_24), 5, null); }

    @Test
    void s7_3_nextHopMartians() {
        for (String nh : new String[] {"00000000", "e0000001", "ffffffff"})
            withdrawn(decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + "400304" + nh, NLRI_10_0_0_0_24), 8, "400304" + nh);
    }

    /** Loopback next hops are real hosts for speakers sharing one machine; BIRD accepts them too. */
    @Test
    void s7_3_loopbackNextHopIsAccepted() {
        InboundUpdate u = decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + "400304" + "7f000002", NLRI_10_0_0_0_24);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals(1, u.announced4().size());
    }

    @Test void s7_4_medBadLength() { withdrawn(decode(EBGP, BASE + "800403000001", NLRI_10_0_0_0_24), 5, "800403000001"); }

    @Test
    void s7_5_localPrefFromExternalPeerIsDiscarded() {
        Attrs a = discarded(decode(EBGP, BASE + "40050400000064", NLRI_10_0_0_0_24), 5);
        assertFalse(a.has(Attrs.HAS_LOCAL_PREF));
        assertTrue(decode(IBGP, BASE + "40050400000064", NLRI_10_0_0_0_24).attrs().has(Attrs.HAS_LOCAL_PREF));
    }

    @Test void s7_5_localPrefBadLengthFromInternalPeer() { withdrawn(decode(IBGP, BASE + "4005020064", NLRI_10_0_0_0_24), 5, null); }

    @Test
    void s7_6_atomicAggregateWithAValueIsDiscarded() {
        assertFalse(discarded(decode(EBGP, BASE + "40060101", NLRI_10_0_0_0_24), 6).has(Attrs.ATOMIC_AGGREGATE));
    }

    @Test
    void s7_7_aggregatorOfTheWrongLengthIsDiscarded() {
        discarded(decode(EBGP, BASE + "c00706fde90a000001", NLRI_10_0_0_0_24), 7);
        discarded(decode(EBGP.withFourOctetAs(false), ORIGIN_IGP + "4002040201fde9" + NEXT_HOP_192_0_2_1 + "c007080000fde90a000001", NLRI_10_0_0_0_24), 7);
    }

    @Test void s7_8_communitiesNotAMultipleOfFour() { withdrawn(decode(EBGP, BASE + "c00803fde900", NLRI_10_0_0_0_24), 5, "c00803fde900"); }

    @Test void s7_8_communitiesEmpty() { withdrawn(decode(EBGP, BASE + "c00800", NLRI_10_0_0_0_24), 5, null); }

    @Test
    void s7_9_originatorId() {
        discarded(decode(EBGP, BASE + "80090401020304", NLRI_10_0_0_0_24), 9);
        withdrawn(decode(IBGP, BASE + "800903010203", NLRI_10_0_0_0_24), 5, null);
    }

    @Test
    void s7_10_clusterList() {
        discarded(decode(EBGP, BASE + "800a0401020304", NLRI_10_0_0_0_24), 10);
        withdrawn(decode(IBGP, BASE + "800a06010203040506", NLRI_10_0_0_0_24), 5, null);
    }

    @Test
    void s7_11_mpReachBadNextHopLengthDisablesTheFamily() {
        String bad = "80 0e 12 0002 01 08 20010db800000000 00 20 20010db8";
        InboundUpdate u = decode(EBGP, BASE + bad, NLRI_10_0_0_0_24);
        assertEquals(AFI_SAFI_DISABLE, u.action());
        assertEquals(Family.IPV6_UNICAST, u.errorFamily());
        assertEquals(9, u.error().subcode());
        assertTrue(u.announced6().isEmpty());
        // the IPv4 part of the UPDATE is unaffected
        assertEquals(1, u.announced4().size());
        assertNotNull(u.attrs4());
    }

    @Test
    void s7_11_mpReachMalformedNlriDisablesTheFamily() {
        String bad = "80 0e 16 0002 01 10 20010db8000000000000000000000001 00 81";
        InboundUpdate u = decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + bad, "");
        assertEquals(AFI_SAFI_DISABLE, u.action());
        assertEquals(Family.IPV6_UNICAST, u.errorFamily());
    }

    @Test
    void s7_11_mpReachForAFamilyNotNegotiated() {
        InboundUpdate u = decode(EBGP.withFamilies(Set.of(Family.IPV4_UNICAST)), ORIGIN_IGP + AS_PATH_65001 + V6_REACH_OK, "");
        assertEquals(AFI_SAFI_DISABLE, u.action());
        assertEquals(Family.IPV6_UNICAST, u.errorFamily());
        assertTrue(u.announced6().isEmpty());
    }

    @Test
    void s7_11_mpReachForAnAfiSafiWeDoNotCarry() {
        reset(decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + "80 0e 0a 0001 80 04 c0000201 00 00", ""), 9, null);
    }

    @Test
    void s7_11_mpReachMartianNextHopIsTreatAsWithdraw() {
        String loop = "80 0e 1a 0002 01 10 ff020000000000000000000000000001 00 20 20010db8"; // multicast next hop
        InboundUpdate u = decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + loop, "");
        assertEquals(TREAT_AS_WITHDRAW, u.action());
        assertEquals(Prefix.parse("2001:db8::/32"), u.withdrawn6().prefix(0));
        assertTrue(u.announced6().isEmpty());
    }

    @Test
    void s7_12_mpUnreachMalformedNlri() {
        InboundUpdate u = decode(EBGP, "80 0f 05 0002 01 20 2001", "");
        assertEquals(AFI_SAFI_DISABLE, u.action());
        assertEquals(Family.IPV6_UNICAST, u.errorFamily());
        assertEquals(9, u.error().subcode());
    }

    @Test void s7_14_extendedCommunitiesNotAMultipleOfEight() { withdrawn(decode(EBGP, BASE + "c0100400020001", NLRI_10_0_0_0_24), 5, null); }

    @Test void rfc8092_s6_largeCommunitiesNotAMultipleOfTwelve() { withdrawn(decode(EBGP, BASE + "c020080000fde900000001", NLRI_10_0_0_0_24), 5, null); }

    @Test void s3c_wellKnownWithOptionalBit() { withdrawn(decode(EBGP, "c0010100" + AS_PATH_65001 + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 4, "c0010100"); }

    @Test void s3c_optionalMarkedWellKnown() { withdrawn(decode(EBGP, BASE + "400804fde90064", NLRI_10_0_0_0_24), 4, null); }

    @Test
    void s3g_duplicateAttributeKeepsTheFirst() {
        InboundUpdate u = decode(EBGP, BASE + "c00804fde90001" + "c00804fde90002", NLRI_10_0_0_0_24);
        assertEquals(ATTRIBUTE_DISCARD, u.action());
        assertArrayEquals(new int[] {8}, u.discarded());
        assertArrayEquals(new int[] {0xfde90001}, AttrsView.communities(u.attrs()));
    }

    @Test void s3g_duplicateMpReachResets() { reset(decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + V6_REACH_OK + V6_REACH_OK, ""), 1, null); }

    @Test void s3d_missingOrigin() { withdrawn(decode(EBGP, AS_PATH_65001 + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 3, "01"); }

    @Test void s3d_missingAsPath() { withdrawn(decode(EBGP, ORIGIN_IGP + NEXT_HOP_192_0_2_1, NLRI_10_0_0_0_24), 3, "02"); }

    @Test void s3d_missingNextHopWithClassicNlri() { withdrawn(decode(EBGP, ORIGIN_IGP + AS_PATH_65001, NLRI_10_0_0_0_24), 3, "03"); }

    @Test
    void s3d_nextHopNotNeededForMpOnly() {
        assertEquals(ErrorAction.NONE, decode(EBGP, ORIGIN_IGP + AS_PATH_65001 + V6_REACH_OK, "").action());
    }

    @Test
    void s3d_attributesWithoutNlriAreNoError() {
        InboundUpdate u = decode(EBGP, ORIGIN_IGP, "");
        assertEquals(ErrorAction.NONE, u.action());
        assertNull(u.attrs());
    }

    @Test void s4_attributeLengthOverrunsTheAttributeArea() { withdrawn(decode(EBGP, BASE + "c00808fde90064", NLRI_10_0_0_0_24), 5, null); }

    @Test void s4_trailingBytesTooShortForAHeader() { withdrawn(decode(EBGP, BASE + "c008", NLRI_10_0_0_0_24), 1, null); }

    @Test void unrecognizedWellKnownResetsWithTheAttributeAsData() { reset(decode(EBGP, BASE + "40630201ff", NLRI_10_0_0_0_24), 2, "40630201ff"); }

    @Test void s5_3_nlriPrefixTooLong() { reset(decode(EBGP, BASE, "21 0a000000 00"), 10, null); }

    @Test void s5_3_nlriPrefixOverrunsTheField() { reset(decode(EBGP, BASE, "18 0a00"), 10, null); }

    @Test
    void s5_3_withdrawnPrefixTooLong() {
        reset(UpdateDecoder.decode(Hex.update("21 0a000000 00", "", ""), EBGP), 10, null);
    }

    @Test
    void lengthFieldsOverrunningTheMessage() {
        reset(UpdateDecoder.decode(Hex.bytes("0005 0000"), EBGP), 1, null);
        reset(UpdateDecoder.decode(Hex.bytes("0000 0009 400101"), EBGP), 1, null);
        reset(UpdateDecoder.decode(Hex.bytes("00"), EBGP), 1, null);
    }

    @Test
    void rfc6793_s3_as4AttributesOnFourOctetSessionsAreDiscarded() {
        InboundUpdate u = decode(EBGP, BASE + "c0110602010000fde9", NLRI_10_0_0_0_24);
        assertEquals(ATTRIBUTE_DISCARD, u.action());
        assertArrayEquals(new int[] {17}, u.discarded());
        assertEquals("65001", AttrsView.asPathText(u.attrs()));
    }
}
