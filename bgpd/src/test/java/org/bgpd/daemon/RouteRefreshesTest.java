package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.MessageDecoder;
import org.bgpd.wire.Open;
import org.bgpd.wire.RouteRefresh;
import org.junit.jupiter.api.Test;

class RouteRefreshesTest {
    static final Family V4 = Family.IPV4_UNICAST;

    static Negotiated negotiated(Set<Family> families, boolean refresh, boolean enhanced) {
        Open open = new Open(4, 64512, 90, 0x7F000001, List.of(new Capability.RouteRefreshCap()));
        return new Negotiated(open, open, 64512, 0x7F000002, 90, 30, true, families, Set.of(), Set.of(), refresh,
                enhanced, false, null, null);
    }

    @Test
    void anEnhancedRefreshIsFramedByBorrAndEorr() {
        RibCommand.Refeed r = RouteRefreshes.answer(3, negotiated(Set.of(V4), true, true), new RouteRefresh(1, 0, 1));
        assertEquals(3, r.peer());
        assertEquals(V4, r.family());
        assertEquals(new RouteRefresh(1, RouteRefresh.BORR, 1), decode(r.begin()));
        assertEquals(new RouteRefresh(1, RouteRefresh.EORR, 1), decode(r.end()));
    }

    private static Object decode(byte[] framed) {
        assertEquals(5, framed[18], "ROUTE-REFRESH type");
        return ((MessageDecoder.Decoded) MessageDecoder.decode(framed, 0, framed.length, 4096)).message();
    }

    @Test
    void aPlainRefreshHasNoMarkers() {
        RibCommand.Refeed r = RouteRefreshes.answer(3, negotiated(Set.of(V4), true, false), new RouteRefresh(1, 0, 1));
        assertNull(r.begin());
        assertNull(r.end());
    }

    @Test
    void requestsForFamiliesNotNegotiatedAndThePeersOwnMarkersAreIgnored() {
        Negotiated n = negotiated(Set.of(V4), true, true);
        assertNull(RouteRefreshes.answer(3, n, new RouteRefresh(2, 0, 1)), "IPv6 was not negotiated");
        assertNull(RouteRefreshes.answer(3, n, new RouteRefresh(1, 0, 128)), "a SAFI we do not carry");
        assertNull(RouteRefreshes.answer(3, n, new RouteRefresh(1, RouteRefresh.BORR, 1)));
        assertNull(RouteRefreshes.answer(3, n, new RouteRefresh(1, 7, 1)), "unknown subtype, RFC 7313 §5");
        assertNull(RouteRefreshes.answer(3, null, new RouteRefresh(1, 0, 1)), "not Established");
    }

    @Test
    void reloadInAsksForEveryNegotiatedFamilyOnlyWhenThePeerCanRefresh() {
        assertEquals(List.of(new RouteRefresh(1, 0, 1), new RouteRefresh(2, 0, 1)),
                RouteRefreshes.requests(negotiated(Set.of(V4, Family.IPV6_UNICAST), true, false)));
        assertTrue(RouteRefreshes.requests(negotiated(Set.of(V4), false, false)).isEmpty());
    }
}
