package org.bgpd.confd.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EtcdKeySource against a real etcd (Debian's etcd-server) started on loopback by the test. */
class EtcdKeySourceTest {

    private static final long WAIT_S = 60;

    @TempDir
    Path work;

    /** Collects callbacks from the source's watch thread. */
    static final class Recorder implements KeySource.Listener {
        final LinkedBlockingQueue<KeySnapshot> changes = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<KeySource.SourceStatus> statuses = new LinkedBlockingQueue<>();

        public void changed(KeySnapshot snapshot) {
            changes.add(snapshot);
        }

        public void status(KeySource.SourceStatus status) {
            statuses.add(status);
        }

        KeySnapshot nextChange() throws InterruptedException {
            KeySnapshot s = changes.poll(WAIT_S, TimeUnit.SECONDS);
            assertNotNull(s, "no snapshot delivered");
            return s;
        }

        KeySource.SourceStatus nextStatus(boolean connected) throws InterruptedException {
            while (true) {
                KeySource.SourceStatus s = statuses.poll(WAIT_S, TimeUnit.SECONDS);
                assertNotNull(s, "no status with connected=" + connected);
                if (s.connected() == connected) {
                    return s;
                }
            }
        }
    }

    @Test
    void loadsWatchesResumesAfterRestartAndRereadsAfterCompaction() throws Exception {
        // scripts/test installs it (scripts/install-test-deps): a missing etcd is a failure, not a skip
        assertTrue(Files.isExecutable(EtcdProcess.BINARY), "needs Debian's etcd-server (scripts/install-test-deps)");
        try (EtcdProcess etcd = new EtcdProcess(work);
             Client writer = startAndConnect(etcd)) {
            put(writer, "/calico/a", "1");
            put(writer, "/calico/b", "2");
            put(writer, "/other/x", "9");

            try (EtcdKeySource source = EtcdKeySource.open(EtcdOptions.of(etcd.endpoint()), List.of("/calico/"))) {
                KeySnapshot first = source.load();
                assertEquals(Map.of("/calico/a", "1", "/calico/b", "2"), first.keys());
                assertTrue(first.revision() >= 4, "revision " + first.revision());

                Recorder rec = new Recorder();
                source.watch(first, rec);
                rec.nextStatus(true);
                put(writer, "/calico/c", "3");
                KeySnapshot withC = rec.nextChange();
                assertEquals("3", withC.get("/calico/c"));
                assertTrue(withC.revision() > first.revision());
                writer.getKVClient().delete(bytes("/calico/a")).get(WAIT_S, TimeUnit.SECONDS);
                KeySnapshot withoutA = rec.nextChange();
                assertFalse(withoutA.keys().containsKey("/calico/a"));

                etcd.stop();
                KeySource.SourceStatus down = rec.nextStatus(false);
                assertNotNull(down.lastError());
                etcd.start();
                KeySource.SourceStatus up = rec.nextStatus(true);
                assertEquals(withoutA.revision(), up.revision());

                // The first snapshot after the restart is this change: nothing was replayed or re-sent.
                put(writer, "/calico/d", "4");
                KeySnapshot withD = rec.nextChange();
                assertEquals(Map.of("/calico/b", "2", "/calico/c", "3", "/calico/d", "4"), withD.keys());
                assertTrue(withD.revision() > withoutA.revision());
            }

            try (EtcdKeySource stale = EtcdKeySource.open(EtcdOptions.of(etcd.endpoint()), List.of("/calico/"))) {
                KeySnapshot old = stale.load();
                put(writer, "/calico/e", "5");
                long now = writer.getKVClient().put(bytes("/calico/f"), bytes("6")).get(WAIT_S, TimeUnit.SECONDS)
                        .getHeader().getRevision();
                writer.getKVClient().compact(now).get(WAIT_S, TimeUnit.SECONDS);

                Recorder rec = new Recorder();
                stale.watch(old, rec);
                KeySnapshot reread = rec.nextChange();
                assertEquals("5", reread.get("/calico/e"));
                assertEquals("6", reread.get("/calico/f"));
                assertTrue(reread.revision() >= now, "re-read at " + reread.revision() + ", compacted at " + now);
            }
        }
    }

    @Test
    void optionsFromCalicoEnvironment() {
        EtcdOptions o = EtcdOptions.fromEnvironment(Map.of(
                "ETCD_ENDPOINTS", "https://10.0.0.1:2379, https://10.0.0.2:2379",
                "ETCD_CA_CERT_FILE", "/etc/calico/ca.pem", "ETCD_CERT_FILE", "/etc/calico/cert.pem",
                "ETCD_KEY_FILE", "/etc/calico/key.pem"));
        assertEquals(List.of("https://10.0.0.1:2379", "https://10.0.0.2:2379"), o.endpoints());
        assertEquals(Path.of("/etc/calico/ca.pem"), o.caCertFile());
        assertEquals(Path.of("/etc/calico/key.pem"), o.keyFile());
        assertTrue(o.tls());
        EtcdOptions none = EtcdOptions.fromEnvironment(Map.of("ETCD_KEY_FILE", ""));
        assertEquals(List.of(EtcdOptions.DEFAULT_ENDPOINT), none.endpoints());
        assertFalse(none.tls());
    }

    private static Client startAndConnect(EtcdProcess etcd) throws Exception {
        etcd.start();
        return Client.builder().endpoints(etcd.endpoint()).build();
    }

    private static void put(Client c, String k, String v) throws Exception {
        c.getKVClient().put(bytes(k), bytes(v)).get(WAIT_S, TimeUnit.SECONDS);
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
