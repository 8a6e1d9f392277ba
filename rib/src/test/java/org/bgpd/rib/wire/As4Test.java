package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.Hex.NEXT_HOP_192_0_2_1;
import static org.bgpd.rib.wire.Hex.NLRI_10_0_0_0_24;
import static org.bgpd.rib.wire.Hex.ORIGIN_IGP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.rib.route.Attrs;
import org.junit.jupiter.api.Test;

/** RFC 6793 §4.2.3: rebuilding the 4-octet path from what a 2-octet speaker sent. */
class As4Test {
    static final DecodeContext OLD = UpdateDecoderTest.EBGP.withFourOctetAs(false);
    // AS 4200000001 = 0xfa56ea01, AS_TRANS = 0x5ba0, 100 = 0x0064, 65100 = 0xfe4c
    static final String AS4_PATH_4200000001 = "c0 11 06 02 01 fa56ea01";

    static InboundUpdate decode(String asPath, String rest) {
        return UpdateDecoder.decode(Hex.update("", ORIGIN_IGP + asPath + NEXT_HOP_192_0_2_1 + rest, NLRI_10_0_0_0_24), OLD);
    }

    @Test
    void asTransIsReplacedFromAs4Path() {
        InboundUpdate u = decode("40 02 06 02 02 0064 5ba0", AS4_PATH_4200000001);
        assertEquals(ErrorAction.NONE, u.action());
        assertEquals("100 4200000001", AttrsView.asPathText(u.attrs()));
        assertEquals(1, AttrsView.asPath(u.attrs()).size());
        assertEquals((int) 4200000001L, u.attrs().originAs());
    }

    @Test
    void as4AggregatorReplacesAnAsTransAggregator() {
        InboundUpdate u = decode("40 02 06 02 02 0064 5ba0", "c0 07 06 5ba0 0a000001" + AS4_PATH_4200000001 + "c0 12 08 fa56ea01 0a000001");
        assertEquals(new AttrsView.Aggregator((int) 4200000001L, 0x0a000001), AttrsView.aggregator(u.attrs()));
        assertEquals("100 4200000001", AttrsView.asPathText(u.attrs()));
    }

    @Test
    void aRealAggregatorMeansBothAs4AttributesAreIgnored() {
        InboundUpdate u = decode("40 02 06 02 02 0064 5ba0", "c0 07 06 fdea 0a000001" + AS4_PATH_4200000001 + "c0 12 08 fa56ea01 0a000001");
        assertEquals(new AttrsView.Aggregator(65002, 0x0a000001), AttrsView.aggregator(u.attrs()));
        assertEquals("100 23456", AttrsView.asPathText(u.attrs()));
        assertArrayEquals(new int[] {18, 17}, u.discarded());
    }

    @Test
    void anAs4PathLongerThanAsPathIsIgnored() {
        InboundUpdate u = decode("40 02 04 02 01 5ba0", "c0 11 0a 02 02 fa56ea01 fa56ea02");
        assertEquals("23456", AttrsView.asPathText(u.attrs()));
    }

    @Test
    void aMalformedAs4PathIsDiscarded() {
        InboundUpdate u = decode("40 02 06 02 02 0064 5ba0", "c0 11 02 02 00");
        assertEquals(ErrorAction.ATTRIBUTE_DISCARD, u.action());
        assertArrayEquals(new int[] {17}, u.discarded());
        assertEquals("100 23456", AttrsView.asPathText(u.attrs()));
    }

    @Test
    void leadingConfederationSegmentsAndSetsAreKept() {
        // AS_PATH: (65100) {100 200} 300 AS_TRANS  -> 3 counted; AS4_PATH: 4200000001 -> keep 2 counted from the front
        InboundUpdate u = decode("40 02 10 03 01 fe4c 01 02 0064 00c8 02 02 012c 5ba0", AS4_PATH_4200000001);
        Attrs a = u.attrs();
        assertEquals("(65100) {100 200} 300 4200000001", AttrsView.asPathText(a));
        assertEquals(3, a.asPathLength());
    }

    @Test
    void confederationSegmentsInAs4PathAreDropped() {
        InboundUpdate u = decode("40 02 06 02 02 0064 5ba0", "c0 11 0c 03 01 0000fe4c 02 01 fa56ea01");
        assertEquals("100 4200000001", AttrsView.asPathText(u.attrs()));
    }
}
