package org.bgpd.confd.tree;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One consistent view of a key tree (confd's "store"): keys are absolute paths such as
 * {@code /calico/bgp/v1/global/as_num}, values are strings. {@code revision} is the etcd revision
 * the view was read at, or a counter for file sources (0 when unknown).
 * Immutable; safe to share.
 */
public record KeySnapshot(long revision, SortedMap<String, String> keys) {

    public KeySnapshot {
        keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    public static KeySnapshot empty() {
        return new KeySnapshot(0, new TreeMap<>());
    }

    public String get(String key) {
        return keys.get(key);
    }
}
