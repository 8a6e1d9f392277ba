package org.bgpd.confd.calico;

import java.io.IOException;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;

/**
 * A {@link KeySource} that shows another source's raw tree (v3 resources or a literal v1 tree)
 * as Calico's v1 tree, through {@link CalicoTree#derive}. A raw change that derives to the same
 * tree is not passed on, so the renderer sees no spurious snapshot.
 * Thread-safe: {@code load} and {@code watch} may be called from any thread; listener callbacks
 * arrive on the wrapped source's thread.
 */
public final class DerivingKeySource implements KeySource {

    private final KeySource raw;
    private final String localNode;
    private final Object lock = new Object();
    private KeySnapshot lastRaw;

    /** @param localNode this node's name (for service-advertisement exclusion), or null. */
    public DerivingKeySource(KeySource raw, String localNode) {
        this.raw = raw;
        this.localNode = localNode;
    }

    @Override
    public String describe() {
        return raw.describe() + " (Calico v1 tree)";
    }

    @Override
    public KeySnapshot load() throws IOException {
        KeySnapshot snapshot = raw.load();
        synchronized (lock) {
            lastRaw = snapshot;
        }
        return derived(snapshot);
    }

    @Override
    public void watch(KeySnapshot from, Listener listener) {
        KeySnapshot start;
        synchronized (lock) {
            start = lastRaw != null && lastRaw.revision() == from.revision() ? lastRaw : null;
        }
        if (start == null) {
            // The caller's snapshot did not come from this.load(): fetch the raw tree behind it.
            // Failing that, start from nothing at revision 0; etcd then replays its history (or,
            // when compacted, re-reads everything), so the first delivery is a whole tree.
            try {
                start = raw.load();
            } catch (IOException e) {
                start = KeySnapshot.empty();
            }
        }
        raw.watch(start, new Listener() {
            private KeySnapshot lastDerived = from;

            @Override
            public void changed(KeySnapshot snapshot) {
                synchronized (lock) {
                    lastRaw = snapshot;
                }
                KeySnapshot next = derived(snapshot);
                if (!next.keys().equals(lastDerived.keys())) {
                    lastDerived = next;
                    listener.changed(next);
                }
            }

            @Override
            public void status(SourceStatus status) {
                listener.status(status);
            }
        });
    }

    private KeySnapshot derived(KeySnapshot snapshot) {
        return new KeySnapshot(snapshot.revision(), CalicoTree.derive(snapshot.keys(), localNode));
    }

    @Override
    public void close() {
        raw.close();
    }
}
