package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.ConfdConfig;
import org.yaml.snakeyaml.nodes.Node;

/** Owned by one load; not thread-safe. Maps {@code confd}. */
final class ConfdMapper {

    static final List<String> KEYS = List.of("backend", "file", "etcd", "confdir", "resource", "node", "debounce-ms");
    static final List<String> ETCD_KEYS = List.of("endpoints", "ca-cert-file", "cert-file", "key-file");

    private final Values v;
    private final Diagnostics diag;

    ConfdMapper(Values v) {
        this.v = v;
        this.diag = v.diagnostics();
    }

    ConfdConfig read(Node node) {
        MappingReader m = MappingReader.of(node, "confd", KEYS, diag);
        Node backendNode = m.require("backend");
        ConfdConfig.Backend backend = backendNode == null ? null : v.choice(backendNode, ConfdConfig.Backend.values());
        Optional<String> file = optional(m, "file");
        if (backend != null && backend != ConfdConfig.Backend.ETCD && file.isEmpty() && !m.has("file")) {
            diag.error(backendNode.getStartMark(), "confd backend " + Values.yamlName(backend) + " needs 'file'");
        }
        List<String> endpoints = new ArrayList<>();
        Optional<String> ca = Optional.empty();
        Optional<String> cert = Optional.empty();
        Optional<String> key = Optional.empty();
        if (m.has("etcd")) {
            if (backend != null && backend != ConfdConfig.Backend.ETCD) {
                diag.error(m.get("etcd").getStartMark(), "'etcd' is only for the etcd backend");
            }
            MappingReader e = MappingReader.of(m.get("etcd"), "etcd", ETCD_KEYS, diag);
            if (e.has("endpoints")) {
                for (Node n : v.list(e.get("endpoints"))) {
                    String s = v.string(n);
                    if (s != null) endpoints.add(s);
                }
            }
            ca = optional(e, "ca-cert-file");
            cert = optional(e, "cert-file");
            key = optional(e, "key-file");
            if (cert.isPresent() != key.isPresent()) {
                diag.error(e.mark(), "etcd 'cert-file' and 'key-file' go together");
            }
        }
        String confdir = m.has("confdir") ? v.string(m.get("confdir")) : ConfdConfig.DEFAULT_CONFDIR;
        String resource = m.has("resource") ? v.string(m.get("resource")) : ConfdConfig.DEFAULT_RESOURCE;
        Optional<String> nodeName = optional(m, "node");
        Integer debounce = m.has("debounce-ms") ? v.int32(m.get("debounce-ms"), "debounce-ms", 0, 600_000)
                : Integer.valueOf(ConfdConfig.DEFAULT_DEBOUNCE_MILLIS);
        if (backend == null || confdir == null || resource == null || debounce == null) {
            return null;
        }
        return new ConfdConfig(backend, file, endpoints, ca, cert, key, confdir, resource, nodeName, debounce);
    }

    private Optional<String> optional(MappingReader m, String key) {
        return m.has(key) ? Optional.ofNullable(v.string(m.get(key))) : Optional.empty();
    }
}
