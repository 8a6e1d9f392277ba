package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        replace(file, NODE);
        try (KeySource src = new DerivingKeySource(
                new CalicoResourceFolder(dir, null, Duration.ofMillis(20)), "kube-master")) {
            KeySnapshot first = src.load();
            assertEquals("10.192.0.2", first.get("/calico/bgp/v1/host/kube-master/ip_addr_v4"));
            Recorder rec = new Recorder();
            src.watch(first, rec);

            replace(file, NODE + "---\nkind: Node\nmetadata: {name: n2}\nspec: {bgp: {ipv4Address: 10.192.0.3/16}}\n");
            KeySnapshot second = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(second);
            assertEquals("10.192.0.3", second.get("/calico/bgp/v1/host/n2/ip_addr_v4"));
            assertTrue(second.revision() > first.revision());

            replace(file, "kind: Node\nmetadata: {name: [unclosed\n");
            KeySource.SourceStatus bad = rec.statuses.poll(60, TimeUnit.SECONDS);
            assertNotNull(bad);
            assertFalse(bad.connected());

            // A comment changes the file but not the tree: no snapshot; the next real change is next.
            replace(file, NODE + "# just a comment\n");
            assertTrue(rec.statuses.poll(60, TimeUnit.SECONDS).connected());
            KeySnapshot third = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(third);
            assertFalse(third.keys().containsKey("/calico/bgp/v1/host/n2/ip_addr_v4"));
            replace(file, NODE + "# another comment that changes nothing\n");
            replace(dir.resolve("pool.yaml"), "kind: IPPool\nmetadata: {name: p}\nspec: {cidr: 10.0.0.0/8}\n");
            KeySnapshot fourth = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(fourth);
            assertTrue(fourth.keys().containsKey("/calico/v1/ipam/v4/pool/10.0.0.0-8"));
        }
    }

    /**
     * Whole-file replacement, as editors and kubectl-style tools write: the poller must not see
     * a half-written file (that would be a real, if brief, change of the tree).
     */
    private static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    @Test
    void kubernetesObjectsAreKeyedByKindNamespaceAndName() throws IOException {
        Files.writeString(dir.resolve("svc.yaml"), """
                kind: Service
                apiVersion: v1
                metadata: {name: web}
                spec: {clusterIP: 10.101.0.1}
                ---
                kind: Endpoints
                apiVersion: v1
                metadata: {name: web, namespace: shop}
                ---
                kind: EndpointSlice
                apiVersion: discovery.k8s.io/v1
                metadata: {name: web-abc, labels: {kubernetes.io/service-name: web}}
                """);
        try (CalicoResourceFolder src = new CalicoResourceFolder(dir, null, Duration.ofSeconds(1))) {
            KeySnapshot s = src.load();
            assertTrue(s.get(ServiceRoutes.SERVICES + "default/web").contains("10.101.0.1"));
            assertNotNull(s.get(ServiceRoutes.ENDPOINTS + "shop/web"));
            assertNotNull(s.get(ServiceRoutes.ENDPOINT_SLICES + "default/web-abc"));
        }
    }

    @Test
    void endpointStatusFolderIsReadAndWatched() throws Exception {
        Files.writeString(dir.resolve("cluster.yaml"), NODE + """
                ---
                kind: BGPPeer
                metadata: {name: wl}
                spec: {localWorkloadSelector: "app == 'bird'", asNumber: 64516}
                """);
        Path status = dir.resolve("status");
        try (KeySource src = new DerivingKeySource(
                new CalicoResourceFolder(dir, null, status, Duration.ofMillis(20)), "kube-master")) {
            // Felix creates the folder with its first workload: none yet is not an error.
            KeySnapshot first = src.load();
            assertFalse(first.keys().containsKey("/calico/bgp/v1/global/peer_v4/192.168.162.134"));
            Recorder rec = new Recorder();
            src.watch(first, rec);

            Files.createDirectories(status);
            Files.writeString(status.resolve(".pod1.tmp"), "{half");
            replace(status.resolve("pod1"),
                    "{\"ifaceName\":\"cali1\",\"ipv4Nets\":[\"192.168.162.134/32\"],\"bgpPeerName\":\"wl\"}\n");
            KeySnapshot second = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(second);
            assertTrue(second.get("/calico/bgp/v1/global/peer_v4/192.168.162.134").contains("\"local_bgp_peer\":true"));

            Files.delete(status.resolve("pod1"));
            KeySnapshot third = rec.changes.poll(60, TimeUnit.SECONDS);
            assertNotNull(third);
            assertFalse(third.keys().containsKey("/calico/bgp/v1/global/peer_v4/192.168.162.134"));
        }
    }
}
