package org.bgpd.confd.etcd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to reach etcd: endpoint URLs and optional TLS files (PEM CA bundle, client certificate,
 * PKCS#8 client key). {@link #fromEnvironment} reads the variables calico/node uses.
 * Immutable; safe to share.
 */
public record EtcdOptions(List<String> endpoints, Path caCertFile, Path certFile, Path keyFile) {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:2379";

    public EtcdOptions {
        endpoints = List.copyOf(endpoints.isEmpty() ? List.of(DEFAULT_ENDPOINT) : endpoints);
    }

    public static EtcdOptions of(String... endpoints) {
        return new EtcdOptions(List.of(endpoints), null, null, null);
    }

    /**
     * {@code ETCD_ENDPOINTS} (comma-separated URLs), {@code ETCD_CA_CERT_FILE},
     * {@code ETCD_CERT_FILE}, {@code ETCD_KEY_FILE}; unset or empty variables are absent.
     */
    public static EtcdOptions fromEnvironment(Map<String, String> env) {
        List<String> endpoints = new ArrayList<>();
        for (String e : env.getOrDefault("ETCD_ENDPOINTS", "").split(",")) {
            if (!e.isBlank()) {
                endpoints.add(e.trim());
            }
        }
        return new EtcdOptions(endpoints, path(env, "ETCD_CA_CERT_FILE"), path(env, "ETCD_CERT_FILE"),
                path(env, "ETCD_KEY_FILE"));
    }

    public boolean tls() {
        return caCertFile != null || certFile != null;
    }

    private static Path path(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : Path.of(v.trim());
    }
}
