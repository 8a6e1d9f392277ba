package org.bgpd.config.yaml;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.Community;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.RouteChanges;
import org.bgpd.config.model.RouteChanges.AsPathPrepend;
import org.bgpd.config.model.RouteChanges.CommunityEdit;
import org.bgpd.config.model.RouteChanges.NextHopChange;
import org.yaml.snakeyaml.nodes.Node;

/** Owned by one load; not thread-safe. Maps a rule's {@code set} block. */
final class RouteChangesMapper {

    static final List<String> KEYS = List.of("local-pref", "med", "communities", "large-communities", "next-hop",
            "as-path-prepend", "kernel-device", "onlink");
    static final List<String> EDIT_KEYS = List.of("add", "remove", "replace");
    static final List<String> PREPEND_KEYS = List.of("as", "count");

    private final Values v;
    private final Diagnostics diag;

    RouteChangesMapper(Values v) {
        this.v = v;
        this.diag = v.diagnostics();
    }

    RouteChanges read(Node node) {
        int before = diag.count();
        MappingReader m = MappingReader.of(node, "set", KEYS, diag);
        OptionalLong localPref = optionalLong(m, "local-pref");
        OptionalLong med = optionalLong(m, "med");
        CommunityEdit<Community> comms = m.has("communities") ? edit(m.get("communities"), "communities", v::community)
                : CommunityEdit.none();
        CommunityEdit<LargeCommunity> large = m.has("large-communities")
                ? edit(m.get("large-communities"), "large-communities", v::largeCommunity) : CommunityEdit.none();
        Optional<NextHopChange> nextHop = m.has("next-hop") ? Optional.ofNullable(nextHop(m.get("next-hop"))) : Optional.empty();
        Optional<AsPathPrepend> prepend = m.has("as-path-prepend") ? Optional.ofNullable(prepend(m.get("as-path-prepend")))
                : Optional.empty();
        Optional<String> device = m.has("kernel-device") ? Optional.ofNullable(v.string(m.get("kernel-device"))) : Optional.empty();
        Boolean onlink = m.has("onlink") ? v.bool(m.get("onlink")) : Boolean.FALSE;
        if (diag.count() != before || onlink == null) {
            return null;
        }
        return new RouteChanges(localPref, med, comms, large, nextHop, prepend, device, onlink);
    }

    private OptionalLong optionalLong(MappingReader m, String key) {
        if (!m.has(key)) {
            return OptionalLong.empty();
        }
        Long value = v.integer(m.get(key), key, 0, 0xFFFFFFFFL);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private <T> CommunityEdit<T> edit(Node node, String what, Function<Node, T> reader) {
        MappingReader m = MappingReader.of(node, what, EDIT_KEYS, diag);
        List<T> add = m.has("add") ? v.list(m.get("add"), reader) : List.of();
        List<T> remove = m.has("remove") ? v.list(m.get("remove"), reader) : List.of();
        Optional<List<T>> replace = Optional.empty();
        if (m.has("replace")) {
            replace = Optional.of(v.list(m.get("replace"), reader));
            if (m.has("add") || m.has("remove")) {
                diag.error(m.get("replace").getStartMark(), "replace cannot be combined with add or remove in " + what);
            }
        }
        return new CommunityEdit<>(add, remove, replace);
    }

    private NextHopChange nextHop(Node n) {
        String s = v.text(n, "self, keep or an address");
        if (s == null) {
            return null;
        }
        if (s.equals("self")) {
            return new NextHopChange.Self();
        }
        if (s.equals("keep")) {
            return new NextHopChange.Keep();
        }
        IpAddress a = IpAddress.parse(s);
        if (a == null) {
            diag.error(n.getStartMark(), "expected self, keep or an address, got '" + s + "'");
            return null;
        }
        return new NextHopChange.Address(a);
    }

    private AsPathPrepend prepend(Node n) {
        MappingReader m = MappingReader.of(n, "as-path-prepend", PREPEND_KEYS, diag);
        Node asNode = m.require("as");
        Long as = asNode == null ? null : v.asNumber(asNode);
        Integer count = m.has("count") ? v.int32(m.get("count"), "count", 1, 32) : Integer.valueOf(1);
        return as == null || count == null ? null : new AsPathPrepend(as, count);
    }
}
