package org.bgpd.config.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.config.check.Diagnostics;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Owned by one load; not thread-safe. One YAML mapping with its keys checked against the schema:
 * unknown and duplicate keys are reported once, when the reader is made. A reader may fall back to
 * another mapping (a peer's template) for keys it does not have itself.
 */
final class MappingReader {

    private final Diagnostics diag;
    private final String what;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final MappingReader fallback;
    private final boolean valid;

    private MappingReader(Diagnostics diag, String what, Node node, MappingReader fallback, boolean valid) {
        this.diag = diag;
        this.what = what;
        this.node = node;
        this.fallback = fallback;
        this.valid = valid;
    }

    /** Reads {@code node} as a mapping; anything else is reported and gives an empty reader. */
    static MappingReader of(Node node, String what, List<String> allowed, Diagnostics diag) {
        if (!(node instanceof MappingNode mapping)) {
            diag.error(node.getStartMark(), "expected a mapping for " + what + ", got " + Values.describe(node));
            return new MappingReader(diag, what, node, null, false);
        }
        MappingReader r = new MappingReader(diag, what, node, null, true);
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                diag.error(k.getStartMark(), "expected a key name in " + what + ", got " + Values.describe(k));
                continue;
            }
            String key = ks.getValue();
            NodeTuple first = r.entries.get(key);
            if (first != null) {
                diag.error(k.getStartMark(), "duplicate key '" + key + "' in " + what + " (first defined at "
                        + Diagnostics.where(first.getKeyNode().getStartMark()) + ")");
                continue;
            }
            if (!allowed.contains(key)) {
                diag.error(k.getStartMark(), unknownKey(key, allowed));
                continue;
            }
            r.entries.put(key, t);
        }
        return r;
    }

    /** Reads a mapping whose keys are user-chosen names (policies, prefix lists, templates). */
    static Map<String, NodeTuple> namedEntries(Node node, String what, Diagnostics diag) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            diag.error(node.getStartMark(), "expected a mapping of names for " + what + ", got " + Values.describe(node));
            return out;
        }
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || ks.getValue().isEmpty()) {
                diag.error(k.getStartMark(), "expected a name in " + what + ", got " + Values.describe(k));
                continue;
            }
            NodeTuple first = out.get(ks.getValue());
            if (first != null) {
                diag.error(k.getStartMark(), "duplicate name '" + ks.getValue() + "' in " + what + " (first defined at "
                        + Diagnostics.where(first.getKeyNode().getStartMark()) + ")");
                continue;
            }
            out.put(ks.getValue(), t);
        }
        return out;
    }

    private static String unknownKey(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = editDistance(key.replace("_", "-").toLowerCase(java.util.Locale.ROOT), a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        String hint = best == null ? "" : "did you mean '" + best + "'? ";
        return "unknown key '" + key + "' (" + hint + "expected one of: " + String.join(", ", allowed) + ")";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    MappingReader withFallback(MappingReader template) {
        MappingReader r = new MappingReader(diag, what, node, template, valid);
        r.entries.putAll(entries);
        return r;
    }

    String what() {
        return what;
    }

    Mark mark() {
        return node.getStartMark();
    }

    boolean has(String key) {
        return entries.containsKey(key) || (fallback != null && fallback.has(key));
    }

    /** The value node, from this mapping or else its fallback; null if absent. */
    Node get(String key) {
        NodeTuple t = entries.get(key);
        if (t != null) {
            return t.getValueNode();
        }
        return fallback == null ? null : fallback.get(key);
    }

    /** The value node; reports a missing key at the start of the mapping. */
    Node require(String key) {
        Node n = get(key);
        if (n == null && valid) {
            diag.error(mark(), "missing required key '" + key + "' in " + what);
        }
        return n;
    }
}
