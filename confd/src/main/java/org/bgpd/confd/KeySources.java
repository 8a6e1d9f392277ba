package org.bgpd.confd;

import java.nio.file.Path;
import java.time.Duration;
import org.bgpd.confd.file.FileKeySource;
import org.bgpd.confd.tree.KeySource;

/** Stateless; safe to share. Opens the key backend a command line or config section names. */
public final class KeySources {

    private KeySources() {
    }

    /** Throws IllegalArgumentException with a message for the user when the backend cannot be opened. */
    public static KeySource open(String backend, Path file, Duration interval) {
        return switch (backend) {
            case "file" -> {
                if (file == null) {
                    throw new IllegalArgumentException("--backend file needs --file PATH (a YAML file or folder of keys)");
                }
                yield new FileKeySource(file, interval);
            }
            // The etcd backend (org.bgpd.confd.etcd) is built on another branch; wire it in here.
            case "etcd" -> throw new IllegalArgumentException("the etcd backend is not available in this build; use --backend file");
            default -> throw new IllegalArgumentException("unknown backend '" + backend + "' (expected file or etcd)");
        };
    }
}
