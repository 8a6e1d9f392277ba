package org.bgpd.rib.adjout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.NextHopMode;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.bgpd.rib.wire.EncodeContext;
import org.junit.jupiter.api.Test;

class ExportAttrsTest {
    static final int LOCAL_AS = 65000, CLUSTER = 0x0A0A_0A0A;
    static final EncodeContext CTX = EncodeContext.of(NextHop.parse("10.0.0.254"), null);
    static final GroupKey EBGP = new GroupKey(Family.IPV4_UNICAST, false, false, LOCAL_AS, NextHopMode.DEFAULT, CTX);
    static final GroupKey IBGP = new GroupKey(Family.IPV4_UNICAST, true, false, LOCAL_AS, NextHopMode.DEFAULT, CTX);
    static final GroupKey CLIENT = new GroupKey(Family.IPV4_UNICAST, true, true, LOCAL_AS, NextHopMode.DEFAULT, CTX);

    final PeerInfo ebgpPeer = PeerInfo.bgp(1, "10.0.0.1", 65001, LOCAL_AS, 0x0101_0101, false);
    final PeerInfo ibgpClient = PeerInfo.bgp(2, "10.0.0.2", LOCAL_AS, LOCAL_AS, 0x0202_0202, true);
    final PeerInfo staticPeer = PeerInfo.local(3, PeerKind.STATIC, LOCAL_AS, 0x0A00_00FF);

    Attrs full() {
        return new AttrsBuilder().asPath(65001, 65002).med(5).localPref(200).originatorId(9).clusterList(1, 2)
                .communities(0xFDE8_0001).nextHop(NextHop.parse("10.0.0.1")).build();
    }

    @Test
    void toEbgpPrependsStripsInternalAttributesAndSetsNextHopSelf() {
        Attrs out = ExportAttrs.outbound(full(), ebgpPeer, EBGP, CLUSTER, 100);
        assertEquals("65000 65001 65002", AttrsView.asPathText(out));
        assertFalse(out.has(Attrs.HAS_LOCAL_PREF));
        assertFalse(out.has(Attrs.HAS_MED), "a MED from another AS is not passed on");
        assertFalse(out.has(Attrs.HAS_ORIGINATOR_ID));
        assertArrayEquals(new int[0], AttrsView.clusterList(out));
        assertArrayEquals(new int[] {0xFDE8_0001}, AttrsView.communities(out), "communities are transitive");
        assertTrue(out.nextHop().isSelf());
    }

    @Test
    void toEbgpKeepsNextHopWhenConfiguredAndOurOwnMed() {
        GroupKey keep = new GroupKey(Family.IPV4_UNICAST, false, false, LOCAL_AS, NextHopMode.KEEP, CTX);
        assertEquals(NextHop.parse("10.0.0.1"), ExportAttrs.outbound(full(), ebgpPeer, keep, CLUSTER, 100).nextHop());
        Attrs local = new AttrsBuilder().med(7).build();
        Attrs out = ExportAttrs.outbound(local, staticPeer, EBGP, CLUSTER, 100);
        assertEquals(7, out.med(), "a MED set on a static route is ours to send");
        assertEquals("65000", AttrsView.asPathText(out));
    }

    @Test
    void toIbgpAddsDefaultLocalPrefAndKeepsTheRest() {
        Attrs in = new AttrsBuilder().asPath(65001).med(5).nextHop(NextHop.parse("10.0.0.1")).build();
        Attrs out = ExportAttrs.outbound(in, ebgpPeer, IBGP, CLUSTER, 100);
        assertEquals(100, out.localPref());
        assertEquals(5, out.med(), "MED travels inside the AS");
        assertEquals(NextHop.parse("10.0.0.1"), out.nextHop());
        assertEquals("65001", AttrsView.asPathText(out));
        Attrs withLp = new AttrsBuilder().asPath(65001).localPref(300).nextHop(NextHop.parse("10.0.0.1")).build();
        assertSame(withLp, ExportAttrs.outbound(withLp, ebgpPeer, IBGP, CLUSTER, 100), "nothing to change: same set");
    }

    @Test
    void nextHopSelfTowardsIbgp() {
        GroupKey self = new GroupKey(Family.IPV4_UNICAST, true, false, LOCAL_AS, NextHopMode.SELF, CTX);
        assertTrue(ExportAttrs.outbound(full(), ebgpPeer, self, CLUSTER, 100).nextHop().isSelf());
    }

    @Test
    void reflectionSetsOriginatorIdOnceAndPrependsTheClusterId() {
        Attrs in = new AttrsBuilder().localPref(150).nextHop(NextHop.parse("10.0.0.2")).build();
        Attrs out = ExportAttrs.outbound(in, ibgpClient, CLIENT, CLUSTER, 100);
        assertEquals(0x0202_0202, out.originatorId());
        assertArrayEquals(new int[] {CLUSTER}, AttrsView.clusterList(out));
        assertEquals(NextHop.parse("10.0.0.2"), out.nextHop(), "a reflector does not change the next hop");

        Attrs again = ExportAttrs.outbound(full(), ibgpClient, CLIENT, CLUSTER, 100);
        assertEquals(9, again.originatorId(), "an existing ORIGINATOR_ID is kept (RFC 4456 §8)");
        assertArrayEquals(new int[] {CLUSTER, 1, 2}, AttrsView.clusterList(again));
    }
}
