package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.testing.OpenPolicies;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

/** ADD-PATH receive (RFC 7911): every path of a peer is a Loc-RIB candidate, withdrawn by path id. */
class AddPathReceiveTest {
    static final int RR = 1, C = 2;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final EncodeContext SEND = RibHarness.ENCODE.withAddPath(V4);
    final RibHarness h = new RibHarness();
    final Prefix p = Prefix.parse("10.1.0.0/16");
    final int channel = Channels.index(RR, Family.IPV4_UNICAST);

    static Attrs via(String nh, int localPref) { return new AttrsBuilder().nextHop(NextHop.parse(nh)).localPref(localPref).build(); }

    void send(Attrs a, int pathId) {
        NlriList l = NlriList.builder(Family.IPV4_UNICAST, true, 1).add(p, pathId).build();
        for (byte[] body : new UpdateEncoder(SEND).announce(a, l)) receive(body);
    }

    void withdraw(int pathId) {
        NlriList l = NlriList.builder(Family.IPV4_UNICAST, true, 1).add(p, pathId).build();
        for (byte[] body : new UpdateEncoder(SEND).withdraw(l)) receive(body);
    }

    void receive(byte[] body) {
        DecodeContext ctx = DecodeContext.of(true, LOCAL_AS).withAddPath(V4);
        h.rib.offer(new RibCommand.Update(RR, UpdateDecoder.decode(body, 0, body.length, ctx)));
    }

    long[] candidates() {
        long[] out = new long[8];
        int n = h.rib.locRib().candidates(p.packed(), out);
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void everyPathOfOnePeerIsACandidateAndAWithdrawalTakesOnlyItsPath() {
        h.add(OpenPolicies.open(PeerInfo.bgp(RR, "10.0.0.1", LOCAL_AS, LOCAL_AS, 0, false)));
        h.add(OpenPolicies.open(PeerInfo.bgp(C, "10.0.0.2", LOCAL_AS, LOCAL_AS, 0, true)));
        h.up(RR, V4);
        RecordingSink c = h.up(C, V4);

        send(via("192.0.2.1", 100), 7);
        send(via("192.0.2.2", 200), 9);
        h.settle();
        long[] cands = candidates();
        assertEquals(2, cands.length, "both paths of the peer reach the decision process");
        assertEquals(channel, Candidates.channel(cands[0]));
        assertEquals(channel, Candidates.channel(cands[1]));
        assertNotEquals(Candidates.source(cands[0]), Candidates.source(cands[1]));
        assertEquals(NextHop.parse("192.0.2.2"), h.rib.attrsTable().get(Candidates.attrs(h.rib.locRib().best(p.packed()))).nextHop(),
                "local-pref 200 wins");
        assertEquals(2, h.rib.adjRibIn(channel).size());
        assertEquals(NextHop.parse("192.0.2.2"), c.table().get(p).nextHop());

        withdraw(9);
        h.settle();
        assertEquals(1, candidates().length);
        assertEquals(NextHop.parse("192.0.2.1"), c.table().get(p).nextHop(), "the other path takes over");

        send(via("192.0.2.3", 100), 9); // path id 9 again, a new slot-holder
        send(via("192.0.2.4", 50), 7); // replaces path 7 in place
        h.settle();
        assertEquals(2, candidates().length);
        assertEquals(NextHop.parse("192.0.2.3"), c.table().get(p).nextHop());
    }

    @Test
    void sessionLossRemovesEveryPath() {
        h.add(OpenPolicies.open(PeerInfo.bgp(RR, "10.0.0.1", LOCAL_AS, LOCAL_AS, 0, false)));
        h.up(RR, V4);
        send(via("192.0.2.1", 100), 1);
        send(via("192.0.2.2", 100), 2);
        send(via("192.0.2.3", 100), 3);
        h.settle();
        assertEquals(3, candidates().length);
        LocRib rib = h.rib.locRib();
        h.rib.offer(new RibCommand.PeerDown(RR));
        h.settle();
        assertEquals(0, rib.candidateCount(p.packed()));
        assertEquals(0, rib.routeCount());
        assertEquals(0, h.rib.attrsTable().size() - baselineAttrs(), "every reference released");
    }

    int baselineAttrs() { return 0; }
}
