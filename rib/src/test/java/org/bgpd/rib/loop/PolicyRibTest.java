package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.bgpd.rib.loop.RibHarness.ROUTER_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.rib.policy.Action;
import org.bgpd.rib.policy.Condition;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.policy.KernelExport;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.Policy;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.PrefixRange;
import org.bgpd.rib.policy.Rule;
import org.bgpd.rib.policy.Verdict;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

/** Import and export chains inside the running RIB, driven by {@code RibLoop.turn()}. */
class PolicyRibTest {
    static final int E1 = 1, I1 = 2, I2 = 3, E2 = 4, STATIC = 5, KERNEL = 6;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final int BAD = 65001 << 16 | 666;
    final RibHarness h = new RibHarness();
    final Prefix good = Prefix.parse("10.1.0.0/16"), bogon = Prefix.parse("10.9.0.0/16");

    static Condition prefix(Prefix p) { return new Condition.PrefixIn(null, new PrefixRange[] {PrefixRange.exact(p)}); }

    static PolicyChain chain(String name, Rule... rules) {
        return new PolicyChain(name, List.of(new Policy(name, List.of(rules), Verdict.ACCEPT)));
    }

    static Attrs fromE1(int... communities) { return new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.0.0.1")).communities(communities).build(); }

    PeerInfo bgp(int index, int as) { return PeerInfo.bgp(index, "10.0.0." + index, as, LOCAL_AS, 0, false); }

    @Test
    void anImportRejectKeepsTheRouteOutOfTheLocRib() {
        PolicyChain in = chain("in",
                new Rule(List.of(prefix(bogon)), List.of(), Verdict.REJECT),
                new Rule(List.of(new Condition.CommunityIn(new int[] {BAD})), List.of(), Verdict.REJECT),
                new Rule(List.of(), List.of(new Action.SetLocalPref(250)), Verdict.NEXT));
        h.add(bgp(E1, 65001).withPolicies(new PeerPolicies(in, PolicyChain.NONE, null, null)));
        h.add(bgp(I1, LOCAL_AS));
        h.up(E1, V4);
        RecordingSink i1 = h.up(I1, V4);

        h.announce(E1, fromE1(), good, bogon);
        h.settle();
        assertEquals(1, h.rib.locRib().size());
        assertEquals(1, h.rib.adjRibIn(Channels.index(E1, Family.IPV4_UNICAST)).size(), "Adj-RIB-In holds post-policy routes");
        Map<Prefix, Attrs> seen = i1.table();
        assertEquals(Set.of(good), seen.keySet());
        assertEquals(250, seen.get(good).localPref(), "the import chain's local-pref reaches iBGP");
        assertEquals(1, h.rib.importRejected());

        h.announce(E1, fromE1(BAD), good);
        h.settle();
        assertEquals(0, h.rib.locRib().size(), "a re-announcement the chain rejects withdraws the accepted route");
        assertTrue(i1.table().isEmpty());
    }

    @Test
    void rfc8212EbgpWithoutPoliciesNeitherImportsNorExports() {
        h.add(bgp(E1, 65001));
        h.add(bgp(E2, 65002));
        h.add(bgp(I1, LOCAL_AS));
        h.add(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, ROUTER_ID));
        h.up(E1, V4);
        RecordingSink e2 = h.up(E2, V4);
        RecordingSink i1 = h.up(I1, V4);
        h.announce(E1, fromE1(), good);
        h.rib.offer(new RibCommand.Originate(STATIC, Prefix.parse("192.0.2.0/24"), new AttrsBuilder().build()));
        h.settle();
        assertEquals(1, h.rib.locRib().size(), "only the static route");
        assertEquals(Set.of(Prefix.parse("192.0.2.0/24")), i1.table().keySet(), "iBGP gets everything");
        assertTrue(e2.events.isEmpty(), "eBGP without an export policy gets nothing");
    }

    @Test
    void anExportPolicyChangesAttributesForItsGroupOnly() {
        PolicyChain out = chain("out", new Rule(List.of(new Condition.SourceIn(List.of(PeerKind.STATIC))),
                List.of(new Action.SetMed(77), new Action.EditCommunities(new int[] {LOCAL_AS << 16 | 1}, new int[0], null)), Verdict.ACCEPT));
        h.add(bgp(I1, LOCAL_AS).withPolicies(PeerPolicies.of(null, out)));
        h.add(bgp(I2, LOCAL_AS));
        h.add(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, ROUTER_ID));
        RecordingSink i1 = h.up(I1, V4), i2 = h.up(I2, V4);
        Prefix block = Prefix.parse("192.168.221.192/26");
        h.rib.offer(new RibCommand.Originate(STATIC, block, new AttrsBuilder().build()));
        h.settle();
        assertEquals(2, h.rib.groups(Family.IPV4_UNICAST).size(), "different export chains never share a group");
        Attrs a1 = i1.table().get(block), a2 = i2.table().get(block);
        assertEquals(77, a1.med());
        assertArrayEquals(new int[] {LOCAL_AS << 16 | 1}, AttrsView.communities(a1));
        assertFalse(a2.has(Attrs.HAS_MED));
        assertArrayEquals(new int[0], AttrsView.communities(a2));
    }

    @Test
    void kernelRoutesAreJudgedByTheirDeviceOnExportAndGetTunl0ForTheFib() {
        PolicyChain out = chain("calico-export",
                new Rule(List.of(new Condition.InterfaceLike(new String[] {"*.cali", "*.calico"})), List.of(), Verdict.REJECT));
        h.add(bgp(I1, LOCAL_AS).withPolicies(PeerPolicies.of(null, out)));
        h.add(PeerInfo.local(KERNEL, PeerKind.KERNEL, LOCAL_AS, ROUTER_ID));
        RecordingSink i1 = h.up(I1, V4);
        Prefix pod = Prefix.parse("192.168.1.5/32"), tunnel = Prefix.parse("192.168.2.0/26");
        Attrs local = new AttrsBuilder().build();
        h.rib.offer(new RibCommand.Originate(KERNEL, pod, local, new KernelFacts("cali123", 3, KernelFacts.Type.UNICAST)));
        h.rib.offer(new RibCommand.Originate(KERNEL, tunnel, local, new KernelFacts("vxlan.calico", 80, KernelFacts.Type.UNICAST)));
        h.settle();
        assertEquals(Set.of(pod), i1.table().keySet());
        h.rib.offer(new RibCommand.Unoriginate(KERNEL, tunnel));
        h.settle();
        assertNull(h.rib.kernelRoutes().get(Family.IPV4_UNICAST, tunnel.packed()), "facts go with the route");

        PolicyChain programming = chain("kernel", new Rule(List.of(new Condition.PrefixIn(null,
                new PrefixRange[] {PrefixRange.orLonger(Prefix.parse("192.168.0.0/16"))})),
                List.of(new Action.KernelDevice("tunl0"), new Action.Onlink(true)), Verdict.ACCEPT));
        KernelExport fib = new KernelExport(programming, h.rib.attrsTable(), h.rib.peers(), h.rib.prefixKeys(), h.rib.kernelRoutes());
        long best = h.rib.locRib().best(pod.packed());
        assertEquals(new KernelDirectives("tunl0", true), fib.evaluate(Family.IPV4_UNICAST, pod.packed(), best));
    }
}
