package org.bgpd.confd.calico;

import java.util.Map;

/**
 * Kubernetes Secrets that hold BGP passwords, by name, each a map of key to decoded value.
 * In the raw key tree a Secret is {@code /bgpd/secrets/<name>} = JSON object of decoded values
 * (bgpd's own layout: Calico reads Secrets from the Kubernetes API, never from etcd).
 * Immutable; safe to share.
 */
record Secrets(Map<String, Map<String, String>> byName) {

    static final String PREFIX = "/bgpd/secrets/";

    Secrets {
        byName = Map.copyOf(byName);
    }

    /** The value a {@code secretKeyRef} ({@code name}, {@code key}) points at, or null. */
    String lookup(Map<String, Object> secretKeyRef) {
        String name = Fields.string(secretKeyRef, "name");
        String key = Fields.string(secretKeyRef, "key");
        Map<String, String> secret = byName.get(name);
        return secret == null ? null : secret.get(key);
    }
}
