package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.PrefixMatch;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Owned by one load; not thread-safe. Reads prefix-match entries: a bare prefix matches exactly;
 * {@code {prefix, ge, le}} matches longer ones too. As in FRR, {@code ge} alone means up to the
 * family's longest prefix and {@code le} alone starts at the prefix's own length.
 */
final class PrefixMatchReader {

    static final List<String> KEYS = List.of("prefix", "ge", "le");

    private final Values v;
    private final Diagnostics diag;

    PrefixMatchReader(Values v) {
        this.v = v;
        this.diag = v.diagnostics();
    }

    List<PrefixMatch> readList(Node n) {
        List<PrefixMatch> out = new ArrayList<>();
        for (Node item : n instanceof MappingNode ? List.of(n) : v.list(n)) {
            PrefixMatch pm = read(item);
            if (pm != null) {
                out.add(pm);
            }
        }
        return out;
    }

    PrefixMatch read(Node n) {
        if (n instanceof ScalarNode) {
            IpPrefix p = v.prefix(n);
            return p == null ? null : PrefixMatch.exact(p);
        }
        MappingReader m = MappingReader.of(n, "prefix match", KEYS, diag);
        Node pn = m.require("prefix");
        IpPrefix p = pn == null ? null : v.prefix(pn);
        if (p == null) {
            return null;
        }
        int max = p.family().maxLength();
        Integer ge = m.has("ge") ? v.int32(m.get("ge"), "ge", 0, max) : null;
        Integer le = m.has("le") ? v.int32(m.get("le"), "le", 0, max) : null;
        if ((m.has("ge") && ge == null) || (m.has("le") && le == null)) {
            return null;
        }
        int lo = ge != null ? ge : p.length();
        int hi = le != null ? le : ge != null ? max : p.length();
        if (lo < p.length()) {
            diag.error(m.get("ge").getStartMark(), "ge " + lo + " is shorter than the prefix length of " + p);
            return null;
        }
        if (hi < lo) {
            diag.error(m.get("le").getStartMark(), "le " + hi + " is less than ge " + lo);
            return null;
        }
        return new PrefixMatch(p, lo, hi);
    }
}
