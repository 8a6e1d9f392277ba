package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.KernelConfig;
import org.bgpd.config.model.LearnFilter;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.RouteType;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Owned by one load; not thread-safe. Maps {@code kernel}. Present means enabled unless
 * {@code enabled: false}; {@code learn} present (even empty) learns alien kernel routes.
 */
final class KernelMapper {

    static final List<String> KEYS = List.of("enabled", "table", "protocol", "learn", "export", "graceful-restart");
    static final List<String> LEARN_KEYS = List.of("interfaces", "protocols", "types", "tables", "prefixes");

    private final Values v;
    private final Diagnostics diag;
    private final RouteMatchMapper protocols;
    private final PrefixMatchReader prefixes;
    private final FamilySettingsMapper chains;

    KernelMapper(Values v, RouteMatchMapper protocols, PrefixMatchReader prefixes, FamilySettingsMapper chains) {
        this.v = v;
        this.diag = v.diagnostics();
        this.protocols = protocols;
        this.prefixes = prefixes;
        this.chains = chains;
    }

    KernelConfig read(Node node) {
        MappingReader m = MappingReader.of(node, "kernel", KEYS, diag);
        Boolean enabled = m.has("enabled") ? v.bool(m.get("enabled")) : Boolean.TRUE;
        Integer table = m.has("table") ? v.int32(m.get("table"), "table", 1, Integer.MAX_VALUE) : Integer.valueOf(KernelConfig.MAIN_TABLE);
        Integer protocol = m.has("protocol") ? protocols.kernelProtocol(m.get("protocol")) : Integer.valueOf(KernelConfig.RTPROT_BGP);
        Optional<LearnFilter> learn = m.has("learn") ? Optional.ofNullable(readLearn(m.get("learn"))) : Optional.empty();
        List<String> export = m.has("export") ? chains.policyChain(m.get("export")) : List.of(PolicyConfig.ALL);
        Boolean graceful = m.has("graceful-restart") ? v.bool(m.get("graceful-restart")) : Boolean.FALSE;
        if (enabled == null || table == null || protocol == null || graceful == null) {
            return null;
        }
        return new KernelConfig(enabled, table, protocol, learn, export, graceful);
    }

    private LearnFilter readLearn(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return new LearnFilter(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        MappingReader m = MappingReader.of(node, "learn", LEARN_KEYS, diag);
        List<String> interfaces = new ArrayList<>();
        List<Integer> protos = new ArrayList<>();
        List<RouteType> types = new ArrayList<>();
        List<Integer> tables = new ArrayList<>();
        for (Node n : m.has("interfaces") ? v.list(m.get("interfaces")) : List.<Node>of()) {
            add(interfaces, v.string(n));
        }
        for (Node n : m.has("protocols") ? v.list(m.get("protocols")) : List.<Node>of()) {
            add(protos, protocols.kernelProtocol(n));
        }
        for (Node n : m.has("types") ? v.list(m.get("types")) : List.<Node>of()) {
            add(types, v.choice(n, RouteType.values()));
        }
        for (Node n : m.has("tables") ? v.list(m.get("tables")) : List.<Node>of()) {
            add(tables, v.int32(n, "table", 1, Integer.MAX_VALUE));
        }
        return new LearnFilter(interfaces, protos, types, tables,
                m.has("prefixes") ? prefixes.readList(m.get("prefixes")) : List.of());
    }

    private static <T> void add(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }
}
