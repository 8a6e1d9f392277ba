package org.bgpd.rib.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionStep;
import org.bgpd.rib.policy.Action;
import org.bgpd.rib.policy.Condition;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.policy.Policy;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.Rule;
import org.bgpd.rib.policy.Verdict;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** The RIB's kernel side: per-member export directives and next-hop reachability from fib-sync. */
class FibFeedTest {
    static final int E1 = 1, E2 = 2;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final NextHop DIRECT = NextHop.parse("10.0.0.1"), OVER_IPIP = NextHop.parse("192.168.50.2");
    final RibHarness h = new RibHarness(DecisionOptions.defaults().withMultipath(true, DecisionStep.IGP_COST));
    final Prefix block = Prefix.parse("10.244.1.0/26");

    static Attrs via(NextHop nh, int as) { return new AttrsBuilder().asPath(as).nextHop(nh).build(); }

    static PolicyChain chain(Verdict fallback, Rule... rules) {
        return new PolicyChain("kernel", List.of(new Policy("kernel", List.of(rules), fallback)));
    }

    void twoPeers() {
        h.peer(E1, 65001, false);
        h.peer(E2, 65002, false);
        h.up(E1, V4);
        h.up(E2, V4);
    }

    @Test
    void eachEcmpMemberGetsItsOwnDevice() {
        twoPeers();
        // Calico cross-subnet IPIP: next hops outside our subnet go through tunl0 onlink
        h.rib.offer(new RibCommand.KernelExportChain(chain(Verdict.ACCEPT, new Rule(
                List.of(new Condition.NextHopIn(new Prefix[] {Prefix.parse("192.168.50.0/24")})),
                List.of(new Action.KernelDevice("tunl0"), new Action.Onlink(true)), Verdict.ACCEPT))));
        h.announce(E1, via(DIRECT, 65001), block);
        h.announce(E2, via(OVER_IPIP, 65002), block);
        h.settle();

        NextHop[] hops = h.fib.routes.get(block.packed());
        KernelDirectives[] how = h.fib.how.get(block);
        assertEquals(2, hops.length);
        for (int i = 0; i < hops.length; i++) {
            KernelDirectives want = hops[i].equals(OVER_IPIP) ? new KernelDirectives("tunl0", true) : KernelDirectives.PLAIN;
            assertEquals(want, how[i], "directives of " + hops[i]);
        }
    }

    @Test
    void aRejectedMemberIsLeftOutAndARejectedBestRemovesTheRoute() {
        twoPeers();
        h.announce(E1, via(DIRECT, 65001), block);
        h.announce(E2, via(OVER_IPIP, 65002), block);
        h.settle();
        assertEquals(2, h.fib.routes.get(block.packed()).length, "the default chain installs both");

        Rule rejectIpip = new Rule(List.of(new Condition.NextHopIn(new Prefix[] {Prefix.parse("192.168.50.0/24")})), List.of(), Verdict.REJECT);
        h.rib.offer(new RibCommand.KernelExportChain(chain(Verdict.ACCEPT, rejectIpip)));
        h.settle();
        assertArrayEquals(new NextHop[] {DIRECT}, h.fib.routes.get(block.packed()), "a new chain re-sends every route");

        h.rib.offer(new RibCommand.KernelExportChain(chain(Verdict.REJECT)));
        h.settle();
        assertNull(h.fib.routes.get(block.packed()));
        assertTrue(h.rib.locRib().best(block.packed()) != Candidates.NONE, "the RIB still holds it for BGP");
    }

    @Test
    void nextHopsAreWatchedOnceAndAnUnreachableOneIsNotEligible() {
        twoPeers();
        h.announce(E1, via(DIRECT, 65001), block);
        h.announce(E1, via(DIRECT, 65001), Prefix.parse("10.244.2.0/26"));
        h.announce(E2, via(OVER_IPIP, 65002), block);
        h.settle();
        assertEquals(List.of(DIRECT, OVER_IPIP), h.fib.watched);

        h.rib.offer(new RibCommand.NextHopState(OVER_IPIP, false, 0));
        h.settle();
        assertArrayEquals(new NextHop[] {DIRECT}, h.fib.routes.get(block.packed()));
        assertFalse(h.rib.nextHops().isReachable(OVER_IPIP));

        h.rib.offer(new RibCommand.NextHopState(DIRECT, false, 0));
        h.settle();
        assertNull(h.fib.routes.get(block.packed()), "no eligible candidate left");
        assertFalse(h.sink(E1).table().containsKey(block), "nor is it advertised");

        h.rib.offer(new RibCommand.NextHopState(OVER_IPIP, true, 10));
        h.rib.offer(new RibCommand.NextHopState(DIRECT, true, 10));
        h.settle();
        assertEquals(2, h.fib.routes.get(block.packed()).length, "both return when reachable again");
        assertEquals(10, h.rib.nextHops().cost(DIRECT));
    }
}
