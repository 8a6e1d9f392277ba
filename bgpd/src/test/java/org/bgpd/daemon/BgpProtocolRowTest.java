package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.ChannelInfo;
import org.bgpd.control.ProtocolInfo;
import org.bgpd.control.ProtocolState;
import org.bgpd.fsm.LastError;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.bgpd.session.SessionSnapshot;
import org.junit.jupiter.api.Test;

/** {@link BgpProtocolRow} from hand-made session snapshots and RIB counts. */
class BgpProtocolRowTest {
    static final Instant T = Instant.parse("2026-11-21T19:00:28.724Z");
    final PeerConfig peer = config().peer("Node_10_0_0_2");

    static DaemonConfig config() {
        LoadResult r = ConfigLoader.parse("""
                router-id: 10.0.0.1
                local-as: 64512
                peers:
                  - {name: Node_10_0_0_2, address: 10.0.0.2, remote-as: 64512, rr-client: true}
                """, "t.yaml");
        return ((LoadResult.Loaded) r).config();
    }

    static SessionSnapshot snapshot(State st, Negotiated n, LastError err) {
        return new SessionSnapshot("Node_10_0_0_2", st, T, err, n, 0, 1, 5, 5, 2, 2,
                n == null ? null : new InetSocketAddress("10.0.0.1", 40000),
                n == null ? null : new InetSocketAddress("10.0.0.2", 179));
    }

    @Test
    void anEstablishedPeerIsUpWithItsChannelCounts() {
        Negotiated n = RouteRefreshesTest.negotiated(Set.of(Family.IPV4_UNICAST), true, true);
        RibStats stats = new RibStats(List.of(new RibStats.ChannelStats(1, Family.IPV4_UNICAST, 7, 5, 6, true)), 3, 10, 0, 12);
        ProtocolInfo p = BgpProtocolRow.of(peer, 1, snapshot(State.ESTABLISHED, n, null), true, 64512, stats);
        assertEquals(ProtocolState.UP, p.state());
        assertEquals("Established   ", p.infoColumn());
        assertEquals("127.0.0.2", p.bgp().neighborId());
        assertEquals("10.0.0.1", p.bgp().sourceAddress());
        assertEquals(true, p.bgp().session().routeReflector());
        ChannelInfo c = p.channels().getFirst();
        assertEquals("UP", c.state());
        assertEquals(new ChannelInfo.RouteCounts(7, -1, 5, 6), c.routes());
        assertEquals(Family.IPV4_UNICAST, p.family());
    }

    @Test
    void aPeerThatLostItsSessionShowsTheLastError() {
        ProtocolInfo p = BgpProtocolRow.of(peer, 1, snapshot(State.ACTIVE, null, LastError.socket("Connection closed")),
                true, 64512, null);
        assertEquals(ProtocolState.START, p.state());
        assertEquals("Active        Socket: Connection closed", p.infoColumn());
        assertNull(p.bgp().neighborId());
        assertEquals("DOWN", p.channels().getFirst().state());
        assertNull(p.channels().getFirst().routes());
    }

    @Test
    void aDisabledPeerIsDown() {
        ProtocolInfo p = BgpProtocolRow.of(peer, 1, snapshot(State.IDLE, null, null), false, 64512, null);
        assertEquals(ProtocolState.DOWN, p.state());
        assertEquals("Down", p.bgp().state());
    }
}
