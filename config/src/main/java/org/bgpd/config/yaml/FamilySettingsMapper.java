package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.check.References;
import org.bgpd.config.model.Family;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.MaxPrefix;
import org.bgpd.config.model.PolicyConfig;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Owned by one load; not thread-safe. Maps a peer's {@code families} and its peer-level
 * {@code import}/{@code export} defaults into one {@link FamilyConfig} per family. Without
 * {@code families} the peer carries the family of its own address. A chain that is not
 * configured stays empty: the RIB then applies RFC 8212 (eBGP imports and exports nothing, iBGP
 * everything), as BIRD 2 does; the loader cannot tell which a dynamic peer with an AS range is.
 */
final class FamilySettingsMapper {

    static final List<String> FAMILY_KEYS = List.of("add-path", "import", "export", "max-prefix");
    static final List<String> MAX_PREFIX_KEYS = List.of("limit", "action", "restart-after");
    static final int DEFAULT_RESTART_AFTER = 60;

    private final Values v;
    private final Diagnostics diag;
    private final References refs;

    FamilySettingsMapper(Values v, References refs) {
        this.v = v;
        this.diag = v.diagnostics();
        this.refs = refs;
    }

    List<FamilyConfig> read(MappingReader m, Family addressFamily, String what) {
        List<String> peerImport = m.has("import") ? policyChain(m.get("import")) : List.of();
        List<String> peerExport = m.has("export") ? policyChain(m.get("export")) : List.of();
        Map<Family, Node> bodies = new EnumMap<>(Family.class);
        Node fams = m.get("families");
        if (fams == null) {
            bodies.put(addressFamily, null);
        } else if (fams instanceof MappingNode) {
            for (Map.Entry<String, NodeTuple> e : MappingReader.namedEntries(fams, "families of " + what, diag).entrySet()) {
                Family f = family(e.getValue().getKeyNode());
                if (f != null) {
                    bodies.put(f, e.getValue().getValueNode());
                }
            }
        } else {
            for (Node item : v.list(fams)) {
                Family f = family(item);
                if (f != null && bodies.containsKey(f)) {
                    diag.error(item.getStartMark(), "duplicate family '" + f.yamlName() + "' in " + what);
                } else if (f != null) {
                    bodies.put(f, null);
                }
            }
        }
        if (bodies.isEmpty() && fams != null) {
            diag.error(fams.getStartMark(), what + " has no families");
        }
        List<FamilyConfig> out = new ArrayList<>();
        for (Map.Entry<Family, Node> e : bodies.entrySet()) {
            out.add(readFamily(e.getKey(), e.getValue(), peerImport, peerExport, what));
        }
        return out;
    }

    private Family family(Node n) {
        return v.choice(n, Family.values());
    }

    private FamilyConfig readFamily(Family f, Node body, List<String> imp, List<String> exp, String what) {
        if (body == null || (body instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return new FamilyConfig(f, FamilyConfig.AddPath.OFF, imp, exp, Optional.empty());
        }
        MappingReader m = MappingReader.of(body, "family " + f.yamlName() + " of " + what, FAMILY_KEYS, diag);
        FamilyConfig.AddPath addPath = FamilyConfig.AddPath.OFF;
        if (m.has("add-path")) {
            FamilyConfig.AddPath a = v.choice(m.get("add-path"), FamilyConfig.AddPath.values());
            addPath = a == null ? addPath : a;
        }
        List<String> fi = m.has("import") ? policyChain(m.get("import")) : imp;
        List<String> fe = m.has("export") ? policyChain(m.get("export")) : exp;
        Optional<MaxPrefix> max = m.has("max-prefix") ? readMaxPrefix(m.get("max-prefix"), m.what()) : Optional.empty();
        return new FamilyConfig(f, addPath, fi, fe, max);
    }

    private Optional<MaxPrefix> readMaxPrefix(Node node, String what) {
        MappingReader m = MappingReader.of(node, "max-prefix of " + what, MAX_PREFIX_KEYS, diag);
        Node limitNode = m.require("limit");
        Long limit = limitNode == null ? null : v.integer(limitNode, "limit", 1, 0xFFFFFFFFL);
        MaxPrefix.Action action = m.has("action") ? v.choice(m.get("action"), MaxPrefix.Action.values()) : MaxPrefix.Action.DISABLE;
        Integer restartAfter = 0;
        if (m.has("restart-after")) {
            if (action != MaxPrefix.Action.RESTART) {
                diag.error(m.get("restart-after").getStartMark(), "restart-after only applies to action restart");
            }
            restartAfter = v.int32(m.get("restart-after"), "restart-after", 1, 65535);
        } else if (action == MaxPrefix.Action.RESTART) {
            restartAfter = DEFAULT_RESTART_AFTER;
        }
        if (limit == null || action == null || restartAfter == null) {
            return Optional.empty();
        }
        return Optional.of(new MaxPrefix(limit, action, action == MaxPrefix.Action.RESTART ? restartAfter : 0));
    }

    /** One policy name or a list of them, evaluated in order. */
    List<String> policyChain(Node n) {
        List<String> out = new ArrayList<>();
        for (Node item : v.list(n)) {
            String name = v.string(item);
            if (name == null) {
                continue;
            }
            if (!PolicyConfig.isBuiltIn(name)) {
                refs.use(References.Kind.POLICY, name, item.getStartMark());
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            diag.error(n.getStartMark(), "expected at least one policy name");
        }
        return out;
    }
}
