package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.config.model.Community;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.Family;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PolicyRule;
import org.bgpd.config.model.PrefixList;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteChanges;
import org.bgpd.config.model.RouteMatch;
import org.bgpd.config.model.RouteSource;
import org.bgpd.config.model.RouteType;
import org.bgpd.rib.policy.Action;
import org.bgpd.rib.policy.Condition;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.Policy;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.PrefixRange;
import org.bgpd.rib.policy.Rule;
import org.bgpd.rib.policy.Verdict;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * Turns the configuration's policies into the RIB's compiled {@link PolicyChain}s: prefix lists
 * expanded, peer names resolved to addresses, communities to their 32-bit values. Each distinct
 * chain (list of names) is compiled once, so peers that name the same chain share one object
 * and one update group. An unset chain compiles to {@code null}: the RIB's RFC 8212 default.
 * Thread-safe: dynamic sessions compile their template's chains from I/O threads.
 */
final class PolicyCompiler {
    private final DaemonConfig config;
    private final Map<List<String>, PolicyChain> chains = new HashMap<>();
    private final Map<String, Policy> policies = new HashMap<>();

    PolicyCompiler(DaemonConfig config) {
        this.config = config;
    }

    /** A peer's chains per family; families it does not carry stay unset. */
    synchronized PeerPolicies peer(PeerSettings s) {
        FamilyConfig v4 = s.family(Family.IPV4);
        FamilyConfig v6 = s.family(Family.IPV6);
        return new PeerPolicies(
                v4 == null ? null : chain(v4.importPolicies()), v4 == null ? null : chain(v4.exportPolicies()),
                v6 == null ? null : chain(v6.importPolicies()), v6 == null ? null : chain(v6.exportPolicies()));
    }

    /** The kernel export chain (config {@code kernel.export}); {@code all} when unset. */
    synchronized PolicyChain kernelExport() {
        PolicyChain c = chain(config.kernel().exportPolicies());
        return c == null ? PolicyChain.ALL : c;
    }

    /** The compiled chain for these policy names, null for an empty (unset) chain. */
    synchronized PolicyChain chain(List<String> names) {
        if (names.isEmpty()) return null;
        if (names.size() == 1 && names.getFirst().equals(PolicyConfig.ALL)) return PolicyChain.ALL;
        if (names.size() == 1 && names.getFirst().equals(PolicyConfig.NONE)) return PolicyChain.NONE;
        PolicyChain c = chains.get(names);
        if (c == null) {
            List<Policy> ps = new ArrayList<>(names.size());
            for (String n : names) ps.add(policy(n));
            c = new PolicyChain(String.join(",", names), ps);
            chains.put(List.copyOf(names), c);
        }
        return c;
    }

    private Policy policy(String name) {
        if (name.equals(PolicyConfig.ALL)) return Policy.ALL;
        if (name.equals(PolicyConfig.NONE)) return Policy.NONE;
        Policy p = policies.get(name);
        if (p == null) {
            PolicyConfig pc = config.policies().get(name);
            if (pc == null) throw new IllegalArgumentException("undefined policy " + name); // the loader checks names
            List<Rule> rules = new ArrayList<>(pc.rules().size());
            for (PolicyRule r : pc.rules()) rules.add(new Rule(conditions(r.match()), actions(r.changes()), verdict(r.verdict())));
            p = new Policy(name, rules, verdict(pc.defaultVerdict()));
            policies.put(name, p);
        }
        return p;
    }

    static Verdict verdict(org.bgpd.config.model.Verdict v) {
        return switch (v) {
            case ACCEPT -> Verdict.ACCEPT;
            case REJECT -> Verdict.REJECT;
            case NEXT -> Verdict.NEXT;
        };
    }

    /** One condition per configured key; the keys must all hold, the values of one key any. */
    List<Condition> conditions(RouteMatch m) {
        List<Condition> out = new ArrayList<>();
        if (!m.prefixes().isEmpty()) out.add(new Condition.PrefixIn(null, ranges(m.prefixes())));
        if (!m.prefixLists().isEmpty()) {
            List<PrefixMatch> all = new ArrayList<>();
            for (String name : m.prefixLists()) {
                PrefixList l = config.prefixLists().get(name);
                if (l == null) throw new IllegalArgumentException("undefined prefix list " + name);
                all.addAll(l.entries());
            }
            out.add(new Condition.PrefixIn(String.join(",", m.prefixLists()), ranges(all)));
        }
        if (!m.communities().isEmpty()) out.add(new Condition.CommunityIn(communities(m.communities())));
        if (!m.largeCommunities().isEmpty()) out.add(new Condition.LargeCommunityIn(largeCommunities(m.largeCommunities())));
        if (!m.asPathContains().isEmpty()) out.add(new Condition.AsPathContains(asns(m.asPathContains())));
        if (!m.originAs().isEmpty()) out.add(new Condition.OriginAsIn(asns(m.originAs())));
        if (!m.nextHops().isEmpty()) {
            Prefix[] p = new Prefix[m.nextHops().size()];
            for (int i = 0; i < p.length; i++) p[i] = Addresses.prefix(m.nextHops().get(i));
            out.add(new Condition.NextHopIn(p));
        }
        if (!m.neighborAddresses().isEmpty() || !m.neighborPeers().isEmpty()) out.add(new Condition.NeighborIn(neighbors(m)));
        if (m.families().size() == 1) {
            out.add(new Condition.FamilyIs(m.families().getFirst() == Family.IPV4
                    ? org.bgpd.rib.route.Family.IPV4_UNICAST : org.bgpd.rib.route.Family.IPV6_UNICAST));
        }
        if (!m.sources().isEmpty()) {
            List<PeerKind> kinds = new ArrayList<>();
            for (RouteSource s : m.sources()) kinds.add(switch (s) {
                case BGP -> PeerKind.BGP;
                case STATIC -> PeerKind.STATIC;
                case KERNEL -> PeerKind.KERNEL;
            });
            out.add(new Condition.SourceIn(kinds));
        }
        if (!m.interfaces().isEmpty()) out.add(new Condition.InterfaceLike(m.interfaces().toArray(new String[0])));
        if (!m.kernelProtocols().isEmpty()) {
            int[] p = new int[m.kernelProtocols().size()];
            for (int i = 0; i < p.length; i++) p[i] = m.kernelProtocols().get(i);
            out.add(new Condition.KernelProtocolIn(p));
        }
        if (!m.routeTypes().isEmpty()) {
            List<KernelFacts.Type> types = new ArrayList<>();
            for (RouteType t : m.routeTypes()) types.add(switch (t) {
                case UNICAST -> KernelFacts.Type.UNICAST;
                case BLACKHOLE -> KernelFacts.Type.BLACKHOLE;
                case UNREACHABLE -> KernelFacts.Type.UNREACHABLE;
            });
            out.add(new Condition.KernelTypeIn(types));
        }
        m.not().ifPresent(n -> out.add(new Condition.Not(conditions(n))));
        return out;
    }

    private Prefix[] neighbors(RouteMatch m) {
        List<Prefix> out = new ArrayList<>();
        for (IpAddress a : m.neighborAddresses()) out.add(host(a));
        for (String name : m.neighborPeers()) {
            PeerConfig p = config.peer(name);
            // a dynamic peer's name covers a range, not one address: not matchable by address here
            if (p != null) out.add(host(p.address()));
        }
        return out.toArray(new Prefix[0]);
    }

    private static Prefix host(IpAddress a) {
        return Addresses.prefix(new IpPrefix(a, a.family().maxLength()));
    }

    private static PrefixRange[] ranges(List<PrefixMatch> ms) {
        PrefixRange[] out = new PrefixRange[ms.size()];
        for (int i = 0; i < out.length; i++) {
            PrefixMatch m = ms.get(i);
            out[i] = new PrefixRange(Addresses.prefix(m.prefix()), m.ge(), m.le());
        }
        return out;
    }

    private static int[] communities(List<Community> cs) {
        int[] out = new int[cs.size()];
        for (int i = 0; i < out.length; i++) out[i] = (int) cs.get(i).value();
        return out;
    }

    private static int[] largeCommunities(List<LargeCommunity> cs) {
        int[] out = new int[cs.size() * 3];
        for (int i = 0; i < cs.size(); i++) {
            out[3 * i] = (int) cs.get(i).global();
            out[3 * i + 1] = (int) cs.get(i).local1();
            out[3 * i + 2] = (int) cs.get(i).local2();
        }
        return out;
    }

    private static int[] asns(List<Long> as) {
        int[] out = new int[as.size()];
        for (int i = 0; i < out.length; i++) out[i] = (int) as.get(i).longValue();
        return out;
    }

    List<Action> actions(RouteChanges c) {
        List<Action> out = new ArrayList<>();
        c.localPref().ifPresent(v -> out.add(new Action.SetLocalPref((int) v)));
        c.med().ifPresent(v -> out.add(new Action.SetMed((int) v)));
        if (!c.communities().isNone()) {
            RouteChanges.CommunityEdit<Community> e = c.communities();
            out.add(new Action.EditCommunities(communities(e.add()), communities(e.remove()),
                    e.replace().map(PolicyCompiler::communities).orElse(null)));
        }
        if (!c.largeCommunities().isNone()) {
            RouteChanges.CommunityEdit<LargeCommunity> e = c.largeCommunities();
            out.add(new Action.EditLargeCommunities(largeCommunities(e.add()), largeCommunities(e.remove()),
                    e.replace().map(PolicyCompiler::largeCommunities).orElse(null)));
        }
        c.nextHop().ifPresent(nh -> out.add(switch (nh) {
            case RouteChanges.NextHopChange.Self s -> new Action.SetNextHop(NextHop.SELF);
            case RouteChanges.NextHopChange.Keep k -> new Action.KeepNextHop();
            case RouteChanges.NextHopChange.Address a -> new Action.SetNextHop(Addresses.nextHop(a.address()));
        }));
        c.asPathPrepend().ifPresent(p -> out.add(new Action.PrependAsPath((int) p.as(), p.count())));
        c.kernelDevice().ifPresent(d -> out.add(new Action.KernelDevice(d)));
        if (c.onlink()) out.add(new Action.Onlink(true));
        return out;
    }
}
