package org.bgpd.rib.loop;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionStep;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.route.Prefixes;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.testing.OpenPolicies;
import org.bgpd.rib.testing.TestAttrs;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

class RibLoopTest {
    static final int LOCAL_AS = 65000;
    static final int E1 = 1, E2 = 2, I1 = 3, I2 = 4, STATIC = 5;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);

    final RecordingFib fib = new RecordingFib();
    final RibLoop rib = new RibLoop(0x0A00_00FF, DecisionOptions.defaults(), fib, 256, 64);
    final RecordingSink e1 = new RecordingSink(), e2 = new RecordingSink(), i1 = new RecordingSink(), i2 = new RecordingSink();
    final long p = Prefixes.parse("192.0.2.0/24");
    static final NextHop SELF4 = NextHop.parse("10.0.0.254");
    static final EncodeContext ENCODE = EncodeContext.of(SELF4, NextHop.parse("2001:db8::fe"));

    RibLoopTest() {
        rib.offer(new RibCommand.AddPeer(OpenPolicies.open(PeerInfo.bgp(E1, "10.0.0.1", 65001, LOCAL_AS, 1, false))));
        rib.offer(new RibCommand.AddPeer(OpenPolicies.open(PeerInfo.bgp(E2, "10.0.0.2", 65002, LOCAL_AS, 2, false))));
        rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(I1, "10.0.0.3", LOCAL_AS, LOCAL_AS, 3, false)));
        rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(I2, "10.0.0.4", LOCAL_AS, LOCAL_AS, 4, false)));
        rib.offer(new RibCommand.AddPeer(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, 0x0A00_00FF)));
        rib.offer(new RibCommand.PeerUp(E1, E1, V4, ENCODE, e1));
        rib.offer(new RibCommand.PeerUp(E2, E2, V4, ENCODE, e2));
        rib.offer(new RibCommand.PeerUp(I1, I1, V4, ENCODE, i1));
        rib.offer(new RibCommand.PeerUp(I2, I2, V4, ENCODE, i2));
        settle();
        for (RecordingSink s : List.of(e1, e2, i1, i2)) assertEquals("eor", s.take().getLast().kind());
    }

    static int ch(int peer) { return Channels.index(peer, Family.IPV4_UNICAST); }

    static NlriList nlri(long... prefixes) {
        NlriList.Builder b = NlriList.builder(Family.IPV4_UNICAST, false, prefixes.length);
        for (long x : prefixes) b.addV4(x, 0);
        return b.build();
    }

    void announce(int peer, TestAttrs a, long... prefixes) {
        for (byte[] body : new UpdateEncoder(ENCODE).announce(a.build(), nlri(prefixes))) receive(peer, body);
    }

    void withdraw(int peer, long... prefixes) {
        for (byte[] body : new UpdateEncoder(ENCODE).withdraw(nlri(prefixes))) receive(peer, body);
    }

    /** An UPDATE body as the session would hand it over: decoded with the peer's context. */
    void receive(int peer, byte[] body) {
        boolean ibgp = peer == I1 || peer == I2;
        rib.offer(new RibCommand.Update(peer, UpdateDecoder.decode(body, 0, body.length, DecodeContext.of(ibgp, LOCAL_AS))));
    }

    void settle() {
        int guard = 0;
        while ((rib.turn() > 0 || rib.walking()) && guard++ < 10_000) { }
    }

    NextHop fibNextHop(long prefix) {
        NextHop[] nhs = fib.routes.get(prefix);
        return nhs == null ? null : nhs[0];
    }

    @Test
    void theBetterOfTwoPeersIsChosenAndItsWithdrawalFallsBack() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001, 65100, 65200), p);
        announce(E2, attrs().nextHop("10.0.0.2").path(65002, 65200), p);
        settle();
        assertEquals(NextHop.parse("10.0.0.2"), fibNextHop(p), "shorter AS path");
        RecordingSink.Event toI1 = i1.last();
        assertEquals("announce", toI1.kind());
        assertEquals(NextHop.parse("10.0.0.2"), toI1.attrs().nextHop(), "iBGP keeps the eBGP next hop");
        assertTrue(toI1.attrs().has(Attrs.HAS_LOCAL_PREF));
        assertEquals(100, toI1.attrs().localPref());
        RecordingSink.Event toE1 = e1.last();
        assertEquals("announce", toE1.kind());
        assertEquals(SELF4, toE1.attrs().nextHop());
        assertEquals(3, toE1.attrs().asPathLength());
        assertEquals(LOCAL_AS, toE1.attrs().neighborAs());
        assertTrue(e2.events.stream().noneMatch(e -> e.kind().equals("announce")), "never back to its source");

        e1.take();
        e2.take();
        withdraw(E2, p);
        settle();
        assertEquals(NextHop.parse("10.0.0.1"), fibNextHop(p));
        assertEquals("withdraw", e1.last().kind(), "E1's own route is best now");
        assertEquals("announce", e2.last().kind());
        assertEquals(4, e2.last().attrs().asPathLength());
        assertEquals(NextHop.parse("10.0.0.1"), i1.last().attrs().nextHop());
    }

    @Test
    void peerDownFlushesEverythingItAnnounced() {
        long[] many = new long[500];
        for (int i = 0; i < many.length; i++) many[i] = Prefixes.v4(0x0A00_0000 + (i << 8), 24);
        announce(E1, attrs().nextHop("10.0.0.1").path(65001), many);
        settle();
        assertEquals(500, rib.locRib().size());
        assertEquals(500, fib.routes.size());
        rib.offer(new RibCommand.PeerDown(E1));
        rib.turn();
        assertTrue(rib.locRib().size() > 0, "a 64-route budget does not flush 500 routes in one turn");
        settle();
        assertEquals(0, rib.locRib().size());
        assertEquals(0, fib.routes.size());
        assertEquals(0, rib.adjRibIn(ch(E1)).size());
        long withdrawnToI1 = i1.events.stream().filter(e -> e.kind().equals("withdraw")).mapToLong(e -> e.prefixes().length).sum();
        assertEquals(500, withdrawnToI1);
        assertEquals(0, rib.attrsTable().size());
    }

    @Test
    void tenChangesInOneBatchCostOneNotification() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001), p);
        settle();
        i1.take();
        int fibCalls = fib.calls;
        for (int med = 1; med <= 10; med++) announce(E1, attrs().nextHop("10.0.0.1").path(65001).med(med), p);
        rib.turn();
        List<RecordingSink.Event> events = i1.take();
        assertEquals(1, events.size());
        assertEquals(10, events.get(0).attrs().med());
        assertArrayEquals(new long[] {p}, events.get(0).prefixes());
        assertEquals(fibCalls + 1, fib.calls, "one decision, one FIB change");
    }

    @Test
    void everythingWithdrawnLeavesNoAttrs() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001).med(5), p, p + 0x1_0000);
        announce(E2, attrs().nextHop("10.0.0.2").path(65002), p);
        announce(I1, attrs().nextHop("10.0.0.3").localPref(200), p + 0x2_0000);
        rib.offer(new RibCommand.Originate(STATIC, Prefix.parse("198.51.100.0/24"), attrs().nextHop("self").build()));
        settle();
        assertTrue(rib.attrsTable().size() > 4, "inbound and outbound sets are live");
        withdraw(E1, p, p + 0x1_0000);
        withdraw(E2, p);
        withdraw(I1, p + 0x2_0000);
        rib.offer(new RibCommand.Unoriginate(STATIC, Prefix.parse("198.51.100.0/24")));
        settle();
        assertEquals(0, rib.locRib().size());
        assertEquals(0, rib.attrsTable().size());
    }

    @Test
    void ibgpRoutesAreNotReflectedAndLocalRoutesGoEverywhere() {
        announce(I1, attrs().nextHop("10.0.0.3").localPref(200), p);
        long local = Prefixes.parse("198.51.100.0/24");
        rib.offer(new RibCommand.Originate(STATIC, Prefix.ofPacked(local), attrs().nextHop("self").med(7).build()));
        settle();
        assertEquals(1, i2.events.size(), "only the local route reaches the other iBGP peer");
        assertArrayEquals(new long[] {local}, i2.last().prefixes());
        assertEquals(2, e1.events.size());
        for (RecordingSink.Event e : e1.events) {
            assertEquals(SELF4, e.attrs().nextHop());
            assertTrue(!e.attrs().has(Attrs.HAS_LOCAL_PREF), "no LOCAL_PREF to eBGP");
        }
        RecordingSink.Event localToE1 = e1.events.stream().filter(e -> e.prefixes()[0] == local).findFirst().orElseThrow();
        assertEquals(7, localToE1.attrs().med(), "a MED we set ourselves is sent");
        assertEquals(1, localToE1.attrs().asPathLength());
        assertEquals(PeerKind.STATIC, rib.peers().get(STATIC).kind());
        assertTrue(fibNextHop(local).isSelf());
    }

    @Test
    void noExportStaysInsideTheAs() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001).community(0xFFFF_FF01), p);
        settle();
        assertTrue(e2.events.isEmpty());
        assertEquals(1, i1.events.size());
    }

    @Test
    void aNewPeerIsFedTheTableThenEndOfRib() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001), p, p + 0x1_0000);
        settle();
        RecordingSink late = new RecordingSink();
        rib.offer(new RibCommand.AddPeer(OpenPolicies.open(PeerInfo.bgp(9, "10.0.0.9", 65009, LOCAL_AS, 9, false))));
        rib.offer(new RibCommand.PeerUp(9, 9, V4, ENCODE, late));
        settle();
        assertEquals(2, late.events.size(), late.events.toString());
        assertEquals(2, late.events.get(0).prefixes().length);
        assertEquals("eor", late.last().kind());
    }

    @Test
    void queryShowsCandidatesBestFirstWithTheDecidingStep() {
        announce(E1, attrs().nextHop("10.0.0.1").path(65001, 65100), p);
        announce(E2, attrs().nextHop("10.0.0.2").path(65002), p);
        List<List<RouteView>> got = new java.util.ArrayList<>();
        rib.offer(new RibCommand.Query(Prefix.ofPacked(p), got::add));
        settle();
        List<RouteView> views = got.getFirst();
        assertEquals(2, views.size(), views.toString());
        assertEquals(E2, views.get(0).peer());
        assertTrue(views.get(0).best());
        assertEquals(DecisionStep.AS_PATH_LENGTH.number(), views.get(1).decidedBy());
    }

    @Test
    void updatesFromAChannelThatIsNotUpAreIgnored() {
        rib.offer(new RibCommand.PeerDown(E2));
        settle();
        announce(E2, attrs().nextHop("10.0.0.2").path(65002), p);
        settle();
        assertEquals(0, rib.locRib().size());
        assertNull(fib.routes.get(p));
    }

    @Test
    void theLoopThreadWakesForOfferedCommands() throws Exception {
        RibLoop threaded = new RibLoop(1, DecisionOptions.defaults(), null, 16, 16);
        Thread t = Thread.ofPlatform().name("rib-test").start(threaded);
        try {
            threaded.offer(new RibCommand.AddPeer(OpenPolicies.open(PeerInfo.bgp(E1, "10.0.0.1", 65001, LOCAL_AS, 1, false))));
            threaded.offer(new RibCommand.PeerUp(E1, E1, V4, ENCODE, new RecordingSink()));
            byte[] body = new UpdateEncoder(ENCODE).announce(attrs().path(65001).build(), nlri(p)).getFirst();
            threaded.offer(new RibCommand.Update(E1, UpdateDecoder.decode(body, 0, body.length, DecodeContext.of(false, LOCAL_AS))));
            CompletableFuture<List<RouteView>> reply = new CompletableFuture<>();
            threaded.offer(new RibCommand.Query(Prefix.ofPacked(p), reply::complete));
            assertEquals(E1, reply.get(30, TimeUnit.SECONDS).getFirst().peer());
        } finally {
            threaded.stop();
            t.join();
        }
    }
}
