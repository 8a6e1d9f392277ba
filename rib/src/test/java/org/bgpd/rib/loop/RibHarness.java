package org.bgpd.rib.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.testing.OpenPolicies;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;

/**
 * A RIB driven the way the daemon drives it: peers announce by UPDATE bytes that go through
 * {@link UpdateEncoder} and {@link UpdateDecoder} (with the receiving session's context), and
 * every established peer has a {@link RecordingSink} that decodes what it is sent.
 * Not thread-safe.
 */
final class RibHarness {
    static final int LOCAL_AS = 65000;
    static final int ROUTER_ID = 0x0A00_00FF;
    static final int CLUSTER_ID = 0x0A00_0FFF;
    static final NextHop SELF4 = NextHop.parse("10.0.0.254");
    static final NextHop SELF6 = NextHop.parse("2001:db8::fe");
    static final EncodeContext ENCODE = EncodeContext.of(SELF4, SELF6);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    final RecordingFib fib = new RecordingFib();
    final RibLoop rib;
    final Map<Integer, RecordingSink> sinks = new HashMap<>();
    final Map<Integer, PeerInfo> infos = new HashMap<>();

    RibHarness() { this(DecisionOptions.defaults()); }

    RibHarness(DecisionOptions options) {
        // a turn's budget counts prefixes (CommandCost): large enough for each test's offers to share one turn
        rib = new RibLoop(ROUTER_ID, CLUSTER_ID, options, fib, 1 << 16, 64, () -> 1_700_000_000_000L);
    }

    /** Adds a BGP peer at {@code index}, address 10.0.0.{index}, bgp id = index. */
    PeerInfo peer(int index, int as, boolean rrClient) {
        PeerInfo p = OpenPolicies.open(PeerInfo.bgp(index, "10.0.0." + index, as, LOCAL_AS, 0, rrClient));
        add(p);
        return p;
    }

    void add(PeerInfo p) {
        infos.put(p.index(), p);
        rib.offer(new RibCommand.AddPeer(p));
    }

    /** Brings the session up and settles, dropping the initial End-of-RIB. */
    RecordingSink up(int index, Set<Family> families) {
        RecordingSink s = new RecordingSink();
        sinks.put(index, s);
        rib.offer(new RibCommand.PeerUp(index, index, families, ENCODE, s));
        settle();
        s.take();
        return s;
    }

    RecordingSink sink(int index) { return sinks.get(index); }

    void announce(int peer, Attrs a, Prefix... prefixes) {
        for (byte[] body : new UpdateEncoder(ENCODE).announce(a, nlri(prefixes))) receive(peer, body);
    }

    void withdraw(int peer, Prefix... prefixes) {
        for (byte[] body : new UpdateEncoder(ENCODE).withdraw(nlri(prefixes))) receive(peer, body);
    }

    void receive(int peer, byte[] body) {
        DecodeContext ctx = DecodeContext.of(infos.get(peer).ibgp(), LOCAL_AS);
        rib.offer(new RibCommand.Update(peer, UpdateDecoder.decode(body, 0, body.length, ctx)));
    }

    static NlriList nlri(Prefix... prefixes) {
        NlriList.Builder b = NlriList.builder(prefixes[0].family(), false, prefixes.length);
        for (Prefix p : prefixes) b.add(p, 0);
        return b.build();
    }

    void settle() {
        int guard = 0;
        while ((rib.turn() > 0 || rib.walking()) && guard++ < 10_000) { }
    }
}
