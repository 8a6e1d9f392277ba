package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Immutable; safe to share. The {@code confd:} section: the daemon renders its own configuration
 * file from a key backend (the job {@code bgpd confd} does in a separate process) and applies each
 * new rendering in-process. Values the file leaves out are taken at start from Calico's
 * environment ({@code ETCD_*}, {@code NODENAME}), so they are optional here.
 *
 * @param file the key file or folder (file and calico backends)
 * @param etcdEndpoints empty: {@code ETCD_ENDPOINTS}, else {@code http://127.0.0.1:2379}
 * @param resource the {@code conf.d} file (under {@code confdir}) whose template renders this configuration
 * @param node empty: {@code NODENAME}, else the host name
 * @param debounceMillis quiet time after a key change before rendering; also the file backends' poll interval
 */
public record ConfdConfig(
        Backend backend,
        Optional<String> file,
        List<String> etcdEndpoints,
        Optional<String> etcdCaCertFile,
        Optional<String> etcdCertFile,
        Optional<String> etcdKeyFile,
        String confdir,
        String resource,
        Optional<String> node,
        int debounceMillis) {

    public static final String DEFAULT_CONFDIR = "/etc/calico/confd";
    public static final String DEFAULT_RESOURCE = "bgpd.yaml";
    public static final int DEFAULT_DEBOUNCE_MILLIS = 1000;

    /** Where keys come from; the same three as {@code bgpd confd --backend}. */
    public enum Backend { FILE, CALICO, ETCD }

    public ConfdConfig {
        etcdEndpoints = List.copyOf(etcdEndpoints);
    }
}
