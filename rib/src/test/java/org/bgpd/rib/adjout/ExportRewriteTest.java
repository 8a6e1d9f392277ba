package org.bgpd.rib.adjout;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgpd.rib.route.Attrs;
import org.junit.jupiter.api.Test;

class ExportRewriteTest {

    @Test
    void ebgpPrependsStripsAndSetsNextHopSelf() {
        Attrs in = attrs().path(65001, 65002).med(5).localPref(200).originator(9).clusterLength(2).build();
        Attrs out = ExportRewrite.toEbgp(in, 65000, false);
        // what a decoder of the expected canonical bytes would produce
        Attrs expected = attrs().nextHop("self").path(65000, 65001, 65002).build();
        assertArrayEquals(expected.wire(), out.wire());
        assertEquals(expected, out);
        assertEquals(3, out.asPathLength());
        assertEquals(65000, out.neighborAs());
        assertFalse(out.has(Attrs.HAS_MED) || out.has(Attrs.HAS_LOCAL_PREF) || out.has(Attrs.HAS_ORIGINATOR_ID));
    }

    @Test
    void anEmptyPathGetsOneSegmentAndOurOwnMedIsKept() {
        Attrs out = ExportRewrite.toEbgp(attrs().nextHop("self").med(7).build(), 65000, true);
        assertArrayEquals(attrs().nextHop("self").path(65000).med(7).build().wire(), out.wire());
        assertTrue(out.has(Attrs.HAS_MED));
        assertEquals(65000, out.originAs());
    }

    @Test
    void aFullLeadingSequenceGetsANewSegment() {
        int[] path = new int[255];
        java.util.Arrays.fill(path, 65001);
        byte[] wire = ExportRewrite.toEbgp(attrs().path(path).build(), 65000, false).wire();
        // ORIGIN (4 bytes), then AS_PATH with the extended-length flag: 2 + 4 + 2 + 1020 = 1028 bytes of segments
        assertEquals(0x50, wire[4] & 0xFF);
        assertEquals(1028, (wire[6] & 0xFF) << 8 | (wire[7] & 0xFF));
        assertEquals(1, wire[9]);
        assertEquals(255, wire[8 + 6 + 1] & 0xFF);
    }

    @Test
    void ibgpAddsLocalPrefOnlyWhenMissing() {
        Attrs with = attrs().path(65001).localPref(300).build();
        assertSame(with, ExportRewrite.toIbgp(with, 100));
        Attrs out = ExportRewrite.toIbgp(attrs().path(65001).med(3).community(42).build(), 100);
        assertEquals(attrs().path(65001).med(3).localPref(100).community(42).build(), out);
        assertEquals(100, out.localPref());
    }
}
