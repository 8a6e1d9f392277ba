package org.bgpd.rib.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

class PolicyChainTest {
    static final PeerInfo EBGP = PeerInfo.bgp(1, "10.0.0.1", 65001, 65000, 1, false);
    static final PeerInfo IBGP = PeerInfo.bgp(2, "10.0.0.2", 65000, 65000, 2, false);
    static final Attrs BASE = new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.1.2.3"))
            .communities(65000 << 16 | 1, 65000 << 16 | 2).addLargeCommunity(1, 2, 3).build();
    static final Condition IN_10 = new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.orLonger(Prefix.parse("10.0.0.0/8"))});

    final RouteInput r = new RouteInput();

    RouteInput route(String prefix) { return r.set(Prefix.parse(prefix), BASE, EBGP, null); }

    static PolicyChain chain(Policy... ps) { return new PolicyChain("t", List.of(ps)); }

    static Rule rule(Verdict v, List<Action> actions, Condition... cs) { return new Rule(List.of(cs), actions, v); }

    static Attrs apply(Action a) {
        PolicyChain c = chain(new Policy("p", List.of(rule(Verdict.ACCEPT, List.of(a))), Verdict.REJECT));
        return c.apply(new RouteInput().set(Prefix.parse("10.0.0.0/8"), BASE, EBGP, null), BASE);
    }

    @Test
    void builtInsAndFallingOffTheEnd() {
        assertEquals(0, PolicyChain.ALL.decide(route("10.0.0.0/8")));
        assertEquals(PolicyChain.REJECT, PolicyChain.NONE.decide(route("10.0.0.0/8")));
        PolicyChain passes = chain(new Policy("p", List.of(), Verdict.NEXT));
        assertEquals(PolicyChain.REJECT, passes.decide(route("10.0.0.0/8")), "the end of the chain rejects");
        assertEquals(0, chain(new Policy("p", List.of(), Verdict.NEXT), Policy.ALL).decide(route("10.0.0.0/8")));
    }

    @Test
    void firstDecidingRuleWinsAndNextContinues() {
        Policy p = new Policy("p", List.of(
                rule(Verdict.NEXT, List.of(new Action.SetMed(7)), IN_10),
                rule(Verdict.REJECT, List.of(), new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.exact(Prefix.parse("10.9.0.0/16"))})),
                rule(Verdict.ACCEPT, List.of(), IN_10)), Verdict.REJECT);
        PolicyChain c = chain(p);
        assertEquals(PolicyChain.REJECT, c.decide(route("10.9.0.0/16")));
        long m = c.decide(route("10.1.0.0/16"));
        assertEquals(1L, m, "the set rule fired, the accept decided");
        assertEquals(7, c.apply(route("10.1.0.0/16"), BASE).med());
        assertEquals(PolicyChain.REJECT, c.decide(route("192.0.2.0/24")), "the default decides when no rule does");
    }

    @Test
    void aPolicyDefaultOfNextPassesToTheNextPolicyKeepingChanges() {
        Policy tag = new Policy("tag", List.of(rule(Verdict.NEXT, List.of(new Action.SetLocalPref(300)), IN_10)), Verdict.NEXT);
        PolicyChain c = chain(tag, Policy.ALL);
        assertEquals(300, c.apply(route("10.0.0.0/8"), BASE).localPref());
        assertSame(BASE, c.apply(route("192.0.2.0/24"), BASE), "nothing changed: the same instance, nothing built");
        assertNull(chain(tag, Policy.NONE).apply(route("10.0.0.0/8"), BASE));
    }

    @Test
    void rfc8212DefaultsRejectForEbgpAndAcceptOtherwise() {
        assertSame(PolicyChain.NONE, PolicyChain.importFor(EBGP, Family.IPV4_UNICAST));
        assertSame(PolicyChain.NONE, PolicyChain.exportFor(EBGP, Family.IPV6_UNICAST));
        assertSame(PolicyChain.ALL, PolicyChain.importFor(IBGP, Family.IPV4_UNICAST));
        assertSame(PolicyChain.ALL, PolicyChain.exportFor(PeerInfo.local(3, PeerKind.KERNEL, 65000, 1), Family.IPV4_UNICAST));
        PolicyChain mine = chain(Policy.ALL);
        PeerInfo configured = EBGP.withPolicies(new PeerPolicies(mine, null, null, null));
        assertSame(mine, PolicyChain.importFor(configured, Family.IPV4_UNICAST));
        assertSame(PolicyChain.NONE, PolicyChain.importFor(configured, Family.IPV6_UNICAST));
        assertSame(PolicyChain.NONE, PolicyChain.exportFor(configured, Family.IPV4_UNICAST));
    }

    @Test
    void eachAttributeAction() {
        assertEquals(200, apply(new Action.SetLocalPref(200)).localPref());
        assertTrue(apply(new Action.SetMed(5)).has(Attrs.HAS_MED));
        assertArrayEquals(new int[] {65000 << 16 | 2, 9}, AttrsView.communities(apply(new Action.EditCommunities(new int[] {9}, new int[] {65000 << 16 | 1}, null))));
        assertArrayEquals(new int[] {}, AttrsView.communities(apply(new Action.EditCommunities(new int[] {9}, new int[0], new int[0]))), "replace with nothing clears");
        assertArrayEquals(new int[] {4, 5, 6}, AttrsView.largeCommunities(apply(new Action.EditLargeCommunities(new int[] {4, 5, 6}, new int[] {1, 2, 3}, null))));
        assertArrayEquals(new int[] {7, 8, 9}, AttrsView.largeCommunities(apply(new Action.EditLargeCommunities(new int[0], new int[0], new int[] {7, 8, 9}))));
        assertEquals(NextHop.parse("192.0.2.1"), apply(new Action.SetNextHop(NextHop.parse("192.0.2.1"))).nextHop());
        assertTrue(apply(new Action.SetNextHop(NextHop.SELF)).nextHop().isSelf());
        assertEquals("65000 65000 65001", AttrsView.asPathText(apply(new Action.PrependAsPath(65000, 2))));
        Attrs rewritten = new AttrsBuilder().asPath(65001).nextHop(NextHop.SELF).build();
        PolicyChain keep = chain(new Policy("k", List.of(rule(Verdict.ACCEPT, List.of(new Action.KeepNextHop()))), Verdict.REJECT));
        assertEquals(BASE.nextHop(), keep.apply(route("10.0.0.0/8"), rewritten).nextHop(), "keep restores the next hop the chain was given");
    }

    @Test
    void kernelActionsChangeNoAttributesButGiveDirectives() {
        PolicyChain c = chain(new Policy("k", List.of(rule(Verdict.ACCEPT, List.of(new Action.KernelDevice("tunl0"), new Action.Onlink(true)), IN_10)), Verdict.ACCEPT));
        assertEquals(0, c.decide(route("10.0.0.0/8")), "no attribute-changing rule fired");
        assertSame(BASE, c.apply(route("10.0.0.0/8"), BASE));
        assertEquals(new KernelDirectives("tunl0", true), c.kernel(route("10.0.0.0/8")));
        assertSame(KernelDirectives.PLAIN, c.kernel(route("192.0.2.0/24")));
        PolicyChain.Outcome o = c.evaluate(route("10.0.0.0/8"), BASE);
        assertEquals("tunl0", o.kernel().device());
        assertNull(PolicyChain.NONE.kernel(route("10.0.0.0/8")));
    }

    @Test
    void masksTellOutcomesApartAndOverflowIsUncacheable() {
        Rule a = rule(Verdict.NEXT, List.of(new Action.SetMed(1)), IN_10);
        Rule b = rule(Verdict.NEXT, List.of(new Action.SetMed(2)), new Condition.FamilyIs(Family.IPV6_UNICAST));
        PolicyChain c = chain(new Policy("p", List.of(a, b), Verdict.ACCEPT));
        assertNotEquals(c.decide(route("10.0.0.0/8")), c.decide(r.set(Prefix.parse("2001:db8::/32"), BASE, EBGP, null)));
        Rule[] many = new Rule[70];
        for (int i = 0; i < many.length; i++) many[i] = rule(Verdict.NEXT, List.of(new Action.SetMed(i)));
        long m = chain(new Policy("many", List.of(many), Verdict.ACCEPT)).decide(route("10.0.0.0/8"));
        assertTrue((m & PolicyChain.UNCACHEABLE) != 0);
        assertFalse(PolicyChain.rejected(m));
    }
}
