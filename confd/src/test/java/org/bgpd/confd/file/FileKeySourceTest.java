package org.bgpd.confd.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void flatAndNestedKeysLoadAsPaths() throws Exception {
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, """
                /calico/bgp/v1/global/as_num: "64512"
                calico:
                  bgp/v1/host:
                    node-1:
                      ip_addr_v4: 10.0.0.1
                      rr_cluster_id: ""
                      label: yes
                  list: [a, b]
                """);
        try (FileKeySource src = new FileKeySource(f, Duration.ofSeconds(1))) {
            KeySnapshot s = src.load();
            assertEquals("64512", s.get("/calico/bgp/v1/global/as_num"));
            assertEquals("10.0.0.1", s.get("/calico/bgp/v1/host/node-1/ip_addr_v4"));
            assertEquals("", s.get("/calico/bgp/v1/host/node-1/rr_cluster_id"));
            assertEquals("yes", s.get("/calico/bgp/v1/host/node-1/label"), "YAML 1.1 booleans stay text");
            assertEquals("[\"a\",\"b\"]", s.get("/calico/list"));
            assertEquals(1, s.revision());
        }
    }

    @Test
    void folderMergesFilesAndRejectsAKeySetTwice() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "/x/a: 1\n");
        Files.writeString(dir.resolve("b.yml"), "/x/b: 2\n");
        Files.writeString(dir.resolve("notes.txt"), "/x/c: 3\n");
        try (FileKeySource src = new FileKeySource(dir, Duration.ofSeconds(1))) {
            assertEquals(List.of("/x/a", "/x/b"), new ArrayList<>(src.load().keys().keySet()));
            Files.writeString(dir.resolve("c.yaml"), "/x/a: 9\n");
            IOException e = assertThrows(IOException.class, src::load);
            assertTrue(e.getMessage().contains("/x/a"), e.getMessage());
        }
    }

    @Test
    void pollReportsOnlyRealChangesWithANewRevision() throws Exception {
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, "/a: 1\n");
        RecordingListener listener = new RecordingListener();
        try (FileKeySource src = new FileKeySource(f, Duration.ofHours(1))) {
            KeySnapshot first = src.load();
            src.watch(first, listener);
            Files.writeString(f, "# same keys, new text\n/a: '1'\n");
            assertFalse(src.poll());
            Files.writeString(f, "/a: 2\n");
            assertTrue(src.poll());
            KeySnapshot next = listener.snapshots.poll();
            assertEquals("2", next.get("/a"));
            assertEquals(first.revision() + 1, next.revision());
            Files.writeString(f, "/a: [unclosed\n");
            assertFalse(src.poll());
            assertFalse(listener.statuses.poll().connected());
            Files.writeString(f, "/a: 2\n");
            assertFalse(src.poll());
            assertTrue(listener.statuses.poll().connected());
            assertTrue(listener.snapshots.isEmpty());
        }
    }

    @Test
    void watchDeliversChangesFromItsOwnThread() throws Exception {
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, "/a: 1\n");
        RecordingListener listener = new RecordingListener();
        try (FileKeySource src = new FileKeySource(f, Duration.ofMillis(20))) {
            src.watch(src.load(), listener);
            Files.writeString(f, "/a: 3\n");
            KeySnapshot s = listener.snapshots.poll(30, TimeUnit.SECONDS);
            assertEquals("3", s.get("/a"));
        }
    }

    private static final class RecordingListener implements KeySource.Listener {
        final LinkedBlockingQueue<KeySnapshot> snapshots = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<KeySource.SourceStatus> statuses = new LinkedBlockingQueue<>();

        @Override
        public void changed(KeySnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void status(KeySource.SourceStatus status) {
            statuses.add(status);
        }
    }
}
