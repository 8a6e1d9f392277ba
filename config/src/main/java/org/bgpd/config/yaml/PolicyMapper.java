package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.check.References;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PolicyRule;
import org.bgpd.config.model.PrefixList;
import org.bgpd.config.model.PrefixMatch;
import org.bgpd.config.model.RouteChanges;
import org.bgpd.config.model.RouteMatch;
import org.bgpd.config.model.Verdict;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Owned by one load; not thread-safe. Maps {@code prefix-lists} and {@code policies}. Rule
 * conditions and changes are read by {@link RouteMatchMapper} and {@link RouteChangesMapper}.
 */
final class PolicyMapper {

    static final List<String> POLICY_KEYS = List.of("rules", "default");
    static final List<String> RULE_KEYS = List.of("match", "set", "action");

    private final Values v;
    private final Diagnostics diag;
    private final PrefixMatchReader prefixes;
    private final RouteMatchMapper matches;
    private final RouteChangesMapper changes;

    PolicyMapper(Values v, References refs) {
        this.v = v;
        this.diag = v.diagnostics();
        this.prefixes = new PrefixMatchReader(v);
        this.matches = new RouteMatchMapper(v, refs, prefixes);
        this.changes = new RouteChangesMapper(v);
    }

    PrefixMatchReader prefixes() {
        return prefixes;
    }

    Map<String, PrefixList> readPrefixLists(Node node) {
        Map<String, PrefixList> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : MappingReader.namedEntries(node, "prefix-lists", diag).entrySet()) {
            List<PrefixMatch> entries = prefixes.readList(e.getValue().getValueNode());
            out.put(e.getKey(), new PrefixList(e.getKey(), entries));
        }
        return out;
    }

    Map<String, PolicyConfig> readPolicies(Node node) {
        Map<String, PolicyConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : MappingReader.namedEntries(node, "policies", diag).entrySet()) {
            String name = e.getKey();
            if (PolicyConfig.isBuiltIn(name)) {
                diag.error(e.getValue().getKeyNode().getStartMark(), "policy name '" + name + "' is reserved (built in)");
                continue;
            }
            PolicyConfig p = readPolicy(name, e.getValue().getValueNode());
            if (p != null) {
                out.put(name, p);
            }
        }
        return out;
    }

    private PolicyConfig readPolicy(String name, Node node) {
        String what = "policy '" + name + "'";
        MappingReader m = MappingReader.of(node, what, POLICY_KEYS, diag);
        Verdict dflt = m.has("default") ? v.choice(m.get("default"), Verdict.values()) : Verdict.REJECT;
        List<PolicyRule> rules = new ArrayList<>();
        if (m.has("rules")) {
            for (Node r : v.sequence(m.get("rules"), "rules")) {
                PolicyRule rule = readRule(r, what);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        return dflt == null ? null : new PolicyConfig(name, rules, dflt);
    }

    private PolicyRule readRule(Node node, String policy) {
        MappingReader m = MappingReader.of(node, "rule of " + policy, RULE_KEYS, diag);
        RouteMatch match = m.has("match") ? matches.read(m.get("match")) : RouteMatch.ANY;
        RouteChanges set = m.has("set") ? changes.read(m.get("set")) : RouteChanges.NONE;
        Verdict verdict = m.has("action") ? v.choice(m.get("action"), Verdict.values()) : Verdict.NEXT;
        if (verdict == Verdict.NEXT && set != null && set.isNone()) {
            diag.error(m.mark(), "rule of " + policy + " does nothing (needs 'set' or action accept|reject)");
            return null;
        }
        if (match == null || set == null || verdict == null) {
            return null;
        }
        return new PolicyRule(match, set, verdict);
    }
}
