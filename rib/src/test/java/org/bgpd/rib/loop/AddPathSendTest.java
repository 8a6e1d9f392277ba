package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.testing.OpenPolicies;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;
import org.junit.jupiter.api.Test;

/** ADD-PATH send (RFC 7911): a reflector advertises every path, with stable path ids, to members that negotiated it. */
class AddPathSendTest {
    static final int C1 = 1, C2 = 2, C3 = 3, C4 = 4, C5 = 5;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final EncodeContext ADD_PATH = RibHarness.ENCODE.withAddPath(V4);
    final RibHarness h = new RibHarness();
    final Prefix p = Prefix.parse("10.1.0.0/16");

    /** Decodes with ADD-PATH receive and keeps (prefix, path id) → next hop. */
    static final class PathSink implements SessionSink {
        final Map<String, NextHop> table = new HashMap<>();
        int messages;

        @Override
        public void send(byte[] m) {
            messages++;
            InboundUpdate u = UpdateDecoder.decode(m, 19, m.length - 19, DecodeContext.of(true, LOCAL_AS).withAddPath(V4));
            assertEquals(ErrorAction.NONE, u.action(), () -> "malformed: " + u.error());
            if (u.isEndOfRib()) return;
            NlriList w = u.withdrawn(Family.IPV4_UNICAST), a = u.announced(Family.IPV4_UNICAST);
            for (int i = 0; i < w.size(); i++) table.remove(w.prefix(i) + "#" + w.pathId(i));
            for (int i = 0; i < a.size(); i++) table.put(a.prefix(i) + "#" + a.pathId(i), u.attrs(Family.IPV4_UNICAST).nextHop());
        }
    }

    static Attrs via(String nh) { return new AttrsBuilder().nextHop(NextHop.parse(nh)).localPref(100).build(); }

    PeerInfo client(int i) { return OpenPolicies.open(PeerInfo.bgp(i, "10.0.0." + i, LOCAL_AS, LOCAL_AS, 0, true)); }

    PathSink addPathUp(int i) {
        PathSink s = new PathSink();
        h.rib.offer(new RibCommand.PeerUp(i, i, V4, ADD_PATH, s));
        h.settle();
        return s;
    }

    @Test
    void everyPathReachesAnAddPathClientAndOnlyTheBestReachesTheOthers() {
        for (int i = 1; i <= 5; i++) h.add(client(i));
        h.up(C1, V4);
        h.up(C2, V4);
        PathSink c3 = addPathUp(C3);
        RecordingSink c4 = h.up(C4, V4);
        h.announce(C1, via("192.0.2.1"), p);
        h.announce(C2, via("192.0.2.2"), p);
        h.settle();

        assertEquals(2, c3.table.size(), c3.table.toString());
        assertEquals(Set.of(NextHop.parse("192.0.2.1"), NextHop.parse("192.0.2.2")), Set.copyOf(c3.table.values()));
        assertEquals(1, c4.table().size(), "without ADD-PATH one route per prefix");
        assertTrue(h.rib.groups(Family.IPV4_UNICAST).stream().filter(UpdateGroup::addPath).allMatch(g -> g.memberCount() == 1));

        // a late ADD-PATH member joins the running group and is fed every path under the same ids
        PathSink c5 = addPathUp(C5);
        assertEquals(c3.table, c5.table);
        assertEquals(1, h.rib.groups(Family.IPV4_UNICAST).stream().filter(UpdateGroup::addPath).count(), "one encoding for all ADD-PATH members");

        String kept = null;
        for (var e : c3.table.entrySet()) if (e.getValue().equals(NextHop.parse("192.0.2.2"))) kept = e.getKey();
        h.withdraw(C1, p);
        h.settle();
        assertEquals(Set.of(kept), c3.table.keySet(), "only the withdrawn path goes; the other keeps its id");
        assertEquals(c3.table, c5.table);

        h.announce(C1, via("192.0.2.9"), p);
        h.settle();
        assertEquals(2, c3.table.size());
        assertEquals(NextHop.parse("192.0.2.2"), c3.table.get(kept));
    }

    @Test
    void aMembersOwnPathIsNotSentBackToIt() {
        h.add(client(C1));
        h.add(client(C3));
        h.up(C1, V4);
        PathSink c3 = addPathUp(C3);
        h.announce(C1, via("192.0.2.1"), p);
        h.announce(C3, via("192.0.2.3"), p);
        h.settle();
        assertEquals(List.of(NextHop.parse("192.0.2.1")), List.copyOf(c3.table.values()));
        List<String> ids = List.copyOf(c3.table.keySet());
        assertNotEquals(0, ids.size());
    }
}
