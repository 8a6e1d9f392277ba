package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PolicyRule;
import org.bgpd.config.model.PrefixList;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteMatch;
import org.bgpd.config.model.RouteSource;
import org.bgpd.config.model.Verdict;
import org.bgpd.fib.learn.PrefixRange;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * The {@code kernel.export} policy chain, evaluated for each best route the FIB thread is about
 * to install (BIRD's kernel-protocol export filter, Calico's {@code calico_kernel_programming}).
 * The FIB sees prefix, ECMP next hops and source only, so a rule matches on prefix, prefix-list,
 * next-hop, family and source; a rule that also names a condition on BGP attributes or kernel
 * properties (communities, AS path, neighbor, interface, kernel protocol, route type) never
 * matches here. Only {@code kernel-device} and {@code onlink} of a rule's changes apply.
 * Chain semantics as for peers: the first deciding rule or default ends the chain; falling off
 * the end rejects. Immutable; safe to share.
 */
final class KernelExportPolicy {

    /** What to do with one route: install or not, through which device, with onlink or not. */
    record Decision(boolean accept, String device, boolean onlink) {
        static final Decision REJECT = new Decision(false, null, false);
        static final Decision ACCEPT = new Decision(true, null, false);
    }

    private record Rule(boolean usable, List<PrefixRange> prefixes, List<PrefixRange> nextHops, List<Family> families,
                        List<PeerKind> sources, Rule not, String device, boolean onlink, Verdict verdict) {}

    private record Policy(String builtIn, List<Rule> rules, Verdict fallback) {}

    private final List<Policy> chain;

    private KernelExportPolicy(List<Policy> chain) { this.chain = List.copyOf(chain); }

    static KernelExportPolicy acceptAll() { return new KernelExportPolicy(List.of(new Policy(PolicyConfig.ALL, List.of(), Verdict.ACCEPT))); }

    static KernelExportPolicy of(List<String> names, Map<String, PolicyConfig> policies, Map<String, PrefixList> lists) {
        List<Policy> chain = new ArrayList<>();
        for (String name : names) {
            if (PolicyConfig.isBuiltIn(name)) {
                chain.add(new Policy(name, List.of(), PolicyConfig.ALL.equals(name) ? Verdict.ACCEPT : Verdict.REJECT));
                continue;
            }
            PolicyConfig pc = policies.get(name);
            if (pc == null) throw new IllegalArgumentException("kernel export policy '" + name + "' is not defined");
            List<Rule> rules = new ArrayList<>();
            for (PolicyRule r : pc.rules()) rules.add(rule(r.match(), r, lists));
            chain.add(new Policy(null, rules, pc.defaultVerdict()));
        }
        return new KernelExportPolicy(chain);
    }

    private static Rule rule(RouteMatch m, PolicyRule r, Map<String, PrefixList> lists) {
        boolean usable = m.communities().isEmpty() && m.largeCommunities().isEmpty() && m.asPathContains().isEmpty()
                && m.originAs().isEmpty() && m.neighborAddresses().isEmpty() && m.neighborPeers().isEmpty()
                && m.interfaces().isEmpty() && m.kernelProtocols().isEmpty() && m.routeTypes().isEmpty();
        List<PrefixRange> prefixes = new ArrayList<>();
        for (PrefixMatch p : m.prefixes()) prefixes.add(range(p));
        for (String name : m.prefixLists()) {
            PrefixList l = lists.get(name);
            if (l == null) throw new IllegalArgumentException("prefix list '" + name + "' is not defined");
            for (PrefixMatch p : l.entries()) prefixes.add(range(p));
        }
        List<PrefixRange> nextHops = new ArrayList<>();
        for (IpPrefix p : m.nextHops()) nextHops.add(PrefixRange.orLonger(Addresses.prefix(p)));
        List<Family> families = new ArrayList<>();
        for (org.bgpd.config.model.Family f : m.families())
            families.add(f == org.bgpd.config.model.Family.IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST);
        List<PeerKind> sources = new ArrayList<>();
        for (RouteSource s : m.sources()) sources.add(PeerKind.valueOf(s.name()));
        Rule not = m.not().map(n -> rule(n, null, lists)).orElse(null);
        String device = r == null ? null : r.changes().kernelDevice().orElse(null);
        boolean onlink = r != null && r.changes().onlink();
        return new Rule(usable, prefixes, nextHops, families, sources, not, device, onlink, r == null ? Verdict.NEXT : r.verdict());
    }

    private static PrefixRange range(PrefixMatch p) {
        return new PrefixRange(Addresses.prefix(p.prefix()), p.ge(), p.le());
    }

    Decision decide(Prefix prefix, NextHop[] nextHops, PeerKind source) {
        String device = null;
        boolean onlink = false;
        for (Policy p : chain) {
            if (p.builtIn() != null) return p.fallback() == Verdict.ACCEPT ? new Decision(true, device, onlink) : Decision.REJECT;
            Verdict verdict = p.fallback();
            for (Rule r : p.rules()) {
                if (!matches(r, prefix, nextHops, source)) continue;
                if (r.device() != null) device = r.device();
                onlink |= r.onlink();
                if (r.verdict() != Verdict.NEXT) {
                    verdict = r.verdict();
                    break;
                }
            }
            if (verdict == Verdict.ACCEPT) return new Decision(true, device, onlink);
            if (verdict == Verdict.REJECT) return Decision.REJECT;
        }
        return Decision.REJECT;
    }

    private static boolean matches(Rule r, Prefix prefix, NextHop[] nextHops, PeerKind source) {
        if (!r.usable()) return false;
        if (!r.families().isEmpty() && !r.families().contains(prefix.family())) return false;
        if (!r.sources().isEmpty() && !r.sources().contains(source)) return false;
        if (!r.prefixes().isEmpty() && !anyContains(r.prefixes(), prefix)) return false;
        if (!r.nextHops().isEmpty()) {
            boolean any = false;
            for (NextHop h : nextHops) any |= !h.isSelf() && anyContains(r.nextHops(), h.asPrefix());
            if (!any) return false;
        }
        return r.not() == null || !matches(r.not(), prefix, nextHops, source);
    }

    private static boolean anyContains(List<PrefixRange> ranges, Prefix p) {
        for (PrefixRange r : ranges) if (r.matches(p)) return true;
        return false;
    }
}
