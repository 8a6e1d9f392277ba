package org.bgpd.confd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bgpd.confd.calico.CalicoResourceFolder;
import org.bgpd.confd.calico.DerivingKeySource;
import org.bgpd.confd.etcd.EtcdKeySource;
import org.bgpd.confd.etcd.EtcdOptions;
import org.bgpd.confd.file.FileKeySource;
import org.bgpd.confd.tree.KeySource;

/** Stateless; safe to share. Opens the key backend a command line or config section names. */
public final class KeySources {

    private KeySources() {
    }

    /**
     * {@code file}: a YAML file or folder of keys, used as is. {@code calico}: a folder of Calico
     * v3 resources ({@code calicoctl apply -f} YAML, plus {@code *.keys} seed files), derived into
     * the v1 tree. {@code etcd}: everything under {@code /calico/} (v3 resources or a literal v1
     * tree), derived the same way. Throws IllegalArgumentException with a message for the user
     * when the backend cannot be opened.
     */
    public static KeySource open(String backend, Path file, Duration interval, String node, EtcdOptions etcd) {
        return open(backend, file, interval, node, etcd, endpointStatusFromEnvironment());
    }

    /**
     * As {@link #open(String, Path, Duration, String, EtcdOptions)}, with Felix's endpoint-status
     * folder (local workload peers) for the {@code calico} backend, or null for none. The etcd
     * backend has no endpoint-status source (the files are local, not in etcd).
     */
    public static KeySource open(String backend, Path file, Duration interval, String node, EtcdOptions etcd,
                                 Path endpointStatusDir) {
        return switch (backend) {
            case "file" -> new FileKeySource(need(file, backend), interval);
            case "calico" -> new DerivingKeySource(
                    new CalicoResourceFolder(need(file, backend), null, endpointStatusDir, interval), node);
            case "etcd" -> {
                try {
                    yield new DerivingKeySource(EtcdKeySource.open(etcd, List.of("/calico/")), node);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open etcd " + etcd.endpoints() + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("unknown backend '" + backend + "' (expected file, calico or etcd)");
        };
    }

    /**
     * {@code $CALICO_ENDPOINT_STATUS_PATH_PREFIX/endpoint-status}, where Calico's confd looks for
     * Felix's files, or null when the variable is not set.
     */
    public static Path endpointStatusFromEnvironment() {
        String prefix = System.getenv("CALICO_ENDPOINT_STATUS_PATH_PREFIX");
        return prefix == null || prefix.isBlank() ? null : Path.of(prefix, "endpoint-status");
    }

    private static Path need(Path file, String backend) {
        if (file == null) throw new IllegalArgumentException("--backend " + backend + " needs --file PATH");
        return file;
    }
}
