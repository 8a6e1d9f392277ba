package org.bgpd.rib.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.NextHop;
import org.junit.jupiter.api.Test;

class AttrsBuilderTest {

    @Test
    void staticRouteEqualsWhatTheDecoderBuildsFromBirdsUpdate() {
        Attrs built = new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("192.0.2.1")).build();
        Attrs decoded = UpdateDecoder.decode(UpdateDecoderTest.BIRD_STATIC_V4, UpdateDecoderTest.EBGP).attrs();
        assertEquals(decoded, built);
        AttrsTable t = new AttrsTable();
        assertEquals(t.intern(built), t.intern(decoded));
    }

    @Test
    void fromRebuildsAnEqualSet() {
        Attrs a = full().build();
        assertEquals(a, AttrsBuilder.from(a).build());
        assertArrayEquals(a.wire(), AttrsBuilder.from(a).build().wire());
    }

    @Test
    void policyEditsChangeOnlyWhatTheySay() {
        Attrs a = full().build();
        Attrs b = AttrsBuilder.from(a).localPref(200).clearMed().removeCommunity(0xfde90001).addCommunity(CanonicalAttrs.NO_EXPORT)
                .prepend(65000, 2).nextHop(NextHop.parse("10.9.9.9")).build();
        assertEquals(200, b.localPref());
        assertFalse(b.has(Attrs.HAS_MED));
        assertArrayEquals(new int[] {0xfde90002, CanonicalAttrs.NO_EXPORT}, AttrsView.communities(b));
        assertTrue(b.has(Attrs.NO_EXPORT));
        assertEquals("65000 65000 65001 65002 {65003 65004}", AttrsView.asPathText(b));
        assertEquals(5, b.asPathLength());
        assertEquals(65000, b.neighborAs());
        assertEquals(NextHop.parse("10.9.9.9"), b.nextHop());
        assertArrayEquals(AttrsView.largeCommunities(a), AttrsView.largeCommunities(b));
        assertNotEquals(a, b);
    }

    @Test
    void reflectionSetsOriginatorOnceAndPrependsClusterIds() {
        Attrs a = new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("192.0.2.1")).build();
        Attrs r1 = AttrsBuilder.from(a).originatorIdIfAbsent(0x01010101).prependClusterId(0x0a0a0a0a).build();
        Attrs r2 = AttrsBuilder.from(r1).originatorIdIfAbsent(0x02020202).prependClusterId(0x0b0b0b0b).build();
        assertEquals(0x01010101, r2.originatorId());
        assertArrayEquals(new int[] {0x0b0b0b0b, 0x0a0a0a0a}, AttrsView.clusterList(r2));
        assertEquals(2, r2.clusterListLength());
    }

    @Test
    void readersReturnWhatWasBuilt() {
        Attrs a = full().build();
        assertEquals(new AttrsView.Aggregator((int) 4200000000L, 0x0a000001), AttrsView.aggregator(a));
        assertArrayEquals(new long[] {0x0002fde900000064L}, AttrsView.extendedCommunities(a));
        assertArrayEquals(new int[] {65001, 1, 2}, AttrsView.largeCommunities(a));
        assertTrue(a.has(Attrs.ATOMIC_AGGREGATE));
        assertTrue(a.has(Attrs.HAS_AS_SET));
        assertEquals(0, a.originAs()); // the path ends in an AS_SET
        List<RawAttr> all = AttrsView.attributes(a);
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8, 16, 32, 99), all.stream().map(RawAttr::code).toList());
        assertTrue(all.getLast().partial());
        assertTrue(AttrsView.hasCommunity(a, 0xfde90002));
        assertEquals("(65001,1)", AttrsView.communityText(0xfde90001));
        assertNull(AttrsView.aggregator(new AttrsBuilder().build()));
    }

    @Test
    void longPrependsSplitIntoSegmentsOf255() {
        Attrs a = new AttrsBuilder().asPath(65001).prepend(65000, 300).build();
        List<AsPathSegment> segs = AttrsView.asPath(a);
        assertEquals(2, segs.size());
        // the existing sequence fills up to 255, the rest opens a new leading segment
        assertEquals(46, segs.get(0).asns().length);
        assertEquals(255, segs.get(1).asns().length);
        assertEquals(65001, segs.get(1).asns()[254]);
        assertEquals(301, a.asPathLength());
    }

    @Test
    void extendedLengthOnlyAboveTwoHundredFiftyFiveOctets() {
        AttrsBuilder b = new AttrsBuilder();
        for (int i = 0; i < 64; i++) b.addCommunity(i); // 256 octets
        byte[] w = b.build().wire();
        long f = CanonicalAttrs.find(w, 8);
        assertEquals(256, CanonicalAttrs.length(f));
        assertEquals((byte) 0xd0, w[CanonicalAttrs.offset(f) - 4]);
    }

    @Test
    void knownCodesAreNotUnknown() {
        assertThrows(IllegalArgumentException.class, () -> new AttrsBuilder().unknown(8, new byte[4]));
    }

    static AttrsBuilder full() {
        return new AttrsBuilder().origin(Attrs.ORIGIN_EGP)
                .asPath(List.of(AsPathSegment.sequence(65001, 65002), AsPathSegment.set(65003, 65004)))
                .nextHop(NextHop.parse("192.0.2.1")).med(50).localPref(100).atomicAggregate(true)
                .aggregator((int) 4200000000L, 0x0a000001).communities(0xfde90001, 0xfde90002)
                .addLargeCommunity(65001, 1, 2).addExtendedCommunity(0x0002fde900000064L).unknown(99, new byte[] {1, 2, 3});
    }
}
