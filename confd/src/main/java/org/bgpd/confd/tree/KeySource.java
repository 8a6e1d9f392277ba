package org.bgpd.confd.tree;

import java.io.IOException;

/**
 * Where keys come from: etcd (literal v1 tree or Calico v3 resources), a YAML file of keys, or
 * a folder of Calico resources. Implementations own their threads; {@link Listener} callbacks
 * arrive on them.
 */
public interface KeySource extends AutoCloseable {

    /** Human description for logs and status, e.g. {@code etcd http://127.0.0.1:2379}. */
    String describe();

    /** Reads the whole tree once. Throws when the source cannot be reached or parsed. */
    KeySnapshot load() throws IOException;

    /**
     * Starts watching: after {@code from}, every change delivers a complete new snapshot to
     * {@code listener.changed}; connection trouble and recovery go to {@code listener.status}.
     * Returns at once.
     */
    void watch(KeySnapshot from, Listener listener);

    @Override
    void close();

    interface Listener {
        void changed(KeySnapshot snapshot);

        void status(SourceStatus status);
    }

    /** Backend health for logs and the control socket. Immutable. */
    record SourceStatus(boolean connected, long revision, String lastError) {}
}
