package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalicoResourceFolderTest {

    private static final String NODE = """
            apiVersion: projectcalico.org/v3
            kind: Node
            metadata: {name: kube-master, labels: {route-reflector: yes}}
            spec: {bgp: {ipv4Address: 10.192.0.2/16}}
            """;

    @TempDir
    Path dir;

    static final class Recorder implements KeySource.Listener {
        final LinkedBlockingQueue<KeySnapshot> changes = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<KeySource.SourceStatus> statuses = new LinkedBlockingQueue<>();

        public void changed(KeySnapshot snapshot) {
            changes.add(snapshot);
        }

        public void status(KeySource.SourceStatus status) {
            statuses.add(status);
        }
    }

    @Test
    void readsResourcesAndSeedIntoEtcdLayout() throws IOException {
        Files.writeString(dir.resolve("nodes.yaml"), NODE);
        Files.writeString(dir.resolve("blocks.keys"), """
                # IPAM affinities
                /calico/ipam/v2/host/kube-master/ipv4/block/192.168.221.192-26 {}
                """);
        try (CalicoResourceFolder src = new CalicoResourceFolder(dir, null, Duration.ofSeconds(1))) {
            KeySnapshot s = src.load();
            assertEquals("{}", s.get("/calico/ipam/v2/host/kube-master/ipv4/block/192.168.221.192-26"));
            String node = s.get(CalicoTree.NODES + "kube-master");
            assertNotNull(node);
            assertEquals("true", Fields.strings(Json.parseObject(node), "metadata", "labels").get("route-reflector"));
        }
    }

    @Test
    void missingFolderIsAnError() {
        try (CalicoResourceFolder src = new CalicoResourceFolder(dir.resolve("nope"), null, Duration.ofSeconds(1))) {
            assertThrows(IOException.class, src::load);
        }
    }

    @Test
    void derivedWatchDeliversChangesAndKeepsLastTreeOnBadYaml() throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, NODE);
        try (KeySource src = new DerivingKeySource(
                new CalicoResourceFolder(dir, null, Duration.ofMillis(20)), "kube-master")) {
            KeySnapshot first = src.load();
            assertEquals("10.192.0.2", first.get("/calico/bgp/v1/host/kube-master/ip_addr_v4"));
            Recorder rec = new Recorder();
            src.watch(first, rec);

            Files.writeString(file, NODE + "---\nkind: Node\nmetadata: {name: n2}\nspec: {bgp: {ipv4Address: 10.192.0.3/16}}\n");
            KeySnapshot second = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(second);
            assertEquals("10.192.0.3", second.get("/calico/bgp/v1/host/n2/ip_addr_v4"));
            assertTrue(second.revision() > first.revision());

            Files.writeString(file, "kind: Node\nmetadata: {name: [unclosed\n");
            KeySource.SourceStatus bad = rec.statuses.poll(60, TimeUnit.SECONDS);
            assertNotNull(bad);
            assertFalse(bad.connected());

            // A comment changes the file but not the tree: no snapshot; the next real change is next.
            Files.writeString(file, NODE + "# just a comment\n");
            assertTrue(rec.statuses.poll(60, TimeUnit.SECONDS).connected());
            KeySnapshot third = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(third);
            assertFalse(third.keys().containsKey("/calico/bgp/v1/host/n2/ip_addr_v4"));
            Files.writeString(file, NODE + "# another comment that changes nothing\n");
            Files.writeString(dir.resolve("pool.yaml"), "kind: IPPool\nmetadata: {name: p}\nspec: {cidr: 10.0.0.0/8}\n");
            KeySnapshot fourth = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(fourth);
            assertTrue(fourth.keys().containsKey("/calico/v1/ipam/v4/pool/10.0.0.0-8"));
        }
    }

    @Test
    void unquotedCommunitiesStayTextNotBase60Numbers() throws IOException {
        Path f = dir.resolve("cfg.yaml");
        Files.writeString(f, """
                kind: BGPConfiguration
                metadata: {name: default}
                spec: {prefixAdvertisements: [{cidr: 192.168.0.0/16, communities: [5663:12]}]}
                """);
        java.util.SortedMap<String, String> keys = new java.util.TreeMap<>();
        CalicoResourceFolder.readResources(f, keys);
        String cfg = keys.get(CalicoTree.RESOURCES + "bgpconfigurations/default");
        assertTrue(cfg.contains("\"5663:12\""), cfg);
    }
}
