package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-assembled wire vectors, decoded to records and encoded back byte for byte. */
class GoldenMessageTest {

    /**
     * An OPEN as BIRD 2.0.12 sends it for "local as 65001; hold time 240; router id 192.0.2.1",
     * channels ipv4 and ipv6 with "add paths on", "graceful restart on" (120 s, not restarting)
     * and "enable extended messages": one capabilities parameter, BIRD's order (MP by AFI, 2, 6,
     * 64, 65, 69, 70).
     */
    static final String BIRD_OPEN = Hex.MARKER + " 004d 01"
            + " 04 fde9 00f0 c0000201 30"
            + " 02 2e"
            + " 01 04 0001 00 01"
            + " 01 04 0002 00 01"
            + " 02 00"
            + " 06 00"
            + " 40 0a 0078 0001 01 00 0002 01 00"
            + " 41 04 0000fde9"
            + " 45 08 0001 01 03 0002 01 03"
            + " 46 00";

    static final Open BIRD_OPEN_RECORD = new Open(4, 65001, 240, 0xC0000201, List.of(
            new Capability.Multiprotocol(1, 1),
            new Capability.Multiprotocol(2, 1),
            new Capability.RouteRefreshCap(),
            new Capability.ExtendedMessage(),
            new Capability.GracefulRestart(false, false, 120, List.of(
                    new Capability.GrFamily(1, 1, false), new Capability.GrFamily(2, 1, false))),
            new Capability.FourOctetAs(65001),
            new Capability.AddPath(List.of(
                    new Capability.AddPathFamily(1, 1, true, true), new Capability.AddPathFamily(2, 1, true, true))),
            new Capability.EnhancedRouteRefresh()));

    /** Cease / Administrative Shutdown with the communication "maintenance" (RFC 9003). */
    static final String SHUTDOWN = Hex.MARKER + " 0021 03 06 02 0b 6d61696e74656e616e6365";

    /** ROUTE-REFRESH for IPv6 unicast, normal request (RFC 2918 §3). */
    static final String REFRESH_V6 = Hex.MARKER + " 0017 05 0002 00 01";

    /** RFC 7313 End-of-RIB-Refresh for IPv4 unicast. */
    static final String EORR_V4 = Hex.MARKER + " 0017 05 0001 02 01";

    static final String KEEPALIVE = Hex.MARKER + " 0013 04";

    private static BgpMessage decode(String hex) {
        byte[] b = Hex.bytes(hex);
        MessageDecoder.Result r = MessageDecoder.decode(b, 0, b.length, 4096);
        return assertInstanceOf(MessageDecoder.Decoded.class, r, () -> r.toString()).message();
    }

    @Test
    void birdOpenDecodes() {
        Open open = assertInstanceOf(Open.class, decode(BIRD_OPEN));
        assertEquals(BIRD_OPEN_RECORD, open);
        assertEquals(65001, open.asNumber());
        assertEquals(120, open.capability(Capability.GracefulRestart.class).restartTime());
    }

    @Test
    void birdOpenEncodesToTheSameBytes() {
        assertEquals(Hex.of(Hex.bytes(BIRD_OPEN)), Hex.of(MessageEncoder.encode(BIRD_OPEN_RECORD)));
    }

    @Test
    void shutdownNotification() {
        Notification n = assertInstanceOf(Notification.class, decode(SHUTDOWN));
        assertEquals(6, n.code());
        assertEquals(2, n.subcode());
        assertEquals("maintenance", ShutdownCommunication.decode(n));
        Notification built = NotificationData.cease(NotifyCode.ADMINISTRATIVE_SHUTDOWN, "maintenance");
        assertEquals(n, built);
        assertArrayEquals(Hex.bytes(SHUTDOWN), MessageEncoder.encode(built));
    }

    @Test
    void routeRefreshes() {
        assertEquals(new RouteRefresh(2, RouteRefresh.REQUEST, 1), decode(REFRESH_V6));
        assertEquals(new RouteRefresh(1, RouteRefresh.EORR, 1), decode(EORR_V4));
        assertArrayEquals(Hex.bytes(REFRESH_V6), MessageEncoder.encode(new RouteRefresh(2, 0, 1)));
        assertArrayEquals(Hex.bytes(EORR_V4), MessageEncoder.encode(new RouteRefresh(1, 2, 1)));
    }

    @Test
    void keepalive() {
        assertEquals(Keepalive.INSTANCE, decode(KEEPALIVE));
        assertArrayEquals(Hex.bytes(KEEPALIVE), MessageEncoder.encode(Keepalive.INSTANCE));
    }

    @Test
    void updateBodyIsFramedNotParsed() {
        // End-of-RIB for IPv4 unicast (RFC 4724 §2): an UPDATE with two zero lengths.
        String eor = Hex.MARKER + " 0017 02 0000 0000";
        Update u = assertInstanceOf(Update.class, decode(eor));
        assertArrayEquals(new byte[4], u.body());
        assertArrayEquals(Hex.bytes(eor), MessageEncoder.encode(u));
    }

    @Test
    void preStandardRouteRefreshCodeIsRouteRefresh() {
        String open = Hex.MARKER + " 0021 01 04 fde9 00b4 0a000001 04 02 02 80 00";
        Open o = assertInstanceOf(Open.class, decode(open));
        assertEquals(List.of(new Capability.RouteRefreshCap()), o.capabilities());
    }
}
