package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Calico's own confd scenarios (fixtures in src/test/resources/calico-confd-tests): for every
 * scenario made only of {@code calicoctl apply} steps, the v1 tree derived from the inputs must
 * yield the BGP peers (kind, address, port, AS) that Calico's rendered bird.cfg/bird6.cfg hold,
 * selecting peers from the tree the way Calico's templates do.
 */
class CalicoScenarioTest {

    private static final Pattern PROTOCOL = Pattern.compile(
            "protocol bgp (Mesh|Node|Global)_\\S+ from bgp_template \\{[^}]*?neighbor (\\S+)(?: port (\\d+))? as (\\d+);",
            Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> scenariosGiveCalicosPeers() throws Exception {
        Path root = root();
        Map<String, Object> index = Json.parseObject(Files.readString(root.resolve("scenarios.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : Fields.list(index, "scenarios")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> scenario = (Map<String, Object>) o;
            String node = Fields.string(scenario, "env", "NODENAME");
            if (!onlyCalicoctlApply(scenario, root) || node.isEmpty()) {
                continue;
            }
            String name = Fields.string(scenario, "scenario");
            tests.add(DynamicTest.dynamicTest(name, () -> runScenario(root, scenario, node)));
        }
        assertTrue(tests.size() >= 40, "scenarios found: " + tests.size());
        return tests;
    }

    private static void runScenario(Path root, Map<String, Object> scenario, String node) throws IOException {
        SortedMap<String, String> raw = new TreeMap<>();
        CalicoResourceFolder.readSeed(root.resolve("datastore-seed/etcd/block"), raw);
        for (Object s : Fields.list(scenario, "steps")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) s;
            for (Object a : Fields.list(step, "actions")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> action = (Map<String, Object>) a;
                CalicoResourceFolder.readResources(root.resolve(Fields.string(action, "file")), raw);
            }
            SortedMap<String, String> tree = CalicoTree.derive(raw, node);
            Path expected = root.resolve(Fields.string(step, "expect_dir"));
            for (String family : new String[] {"v4", "v6"}) {
                Path cfg = expected.resolve(family.equals("v4") ? "bird.cfg" : "bird6.cfg");
                assertEquals(expectedPeers(Files.readString(cfg)), derivedPeers(tree, node, family),
                        Fields.string(step, "expect_dir") + " " + family);
            }
        }
    }

    static TreeSet<String> expectedPeers(String birdCfg) {
        TreeSet<String> peers = new TreeSet<>();
        Matcher m = PROTOCOL.matcher(birdCfg);
        while (m.find()) {
            peers.add(m.group(1) + " " + m.group(2) + " port " + (m.group(3) == null ? "179" : m.group(3))
                    + " as " + m.group(4));
        }
        return peers;
    }

    /** The peers Calico's bird.cfg template builds from the tree, for one address family. */
    static TreeSet<String> derivedPeers(SortedMap<String, String> tree, String node, String family) {
        TreeSet<String> peers = new TreeSet<>();
        String host = "/calico/bgp/v1/host/";
        String ownIp = tree.getOrDefault(host + node + "/ip_addr_" + family, "");
        if (ownIp.isEmpty()) {
            return peers;
        }
        String globalAs = tree.get("/calico/bgp/v1/global/as_num");
        boolean mesh = Fields.bool(Json.parseObject(tree.get("/calico/bgp/v1/global/node_mesh")), "enabled");
        String globalPort = tree.getOrDefault("/calico/bgp/v1/global/listen_port", "179");
        if (mesh && tree.getOrDefault(host + node + "/rr_cluster_id", "").isEmpty()) {
            for (Map.Entry<String, String> e : tree.entrySet()) {
                String k = e.getKey();
                if (!k.startsWith(host) || !k.endsWith("/ip_addr_" + family) || e.getValue().isEmpty()
                        || e.getValue().equals(ownIp)) {
                    continue;
                }
                String base = k.substring(0, k.lastIndexOf('/') + 1);
                if (!tree.getOrDefault(base + "rr_cluster_id", "").isEmpty()) {
                    continue;
                }
                peers.add("Mesh " + e.getValue() + " port " + tree.getOrDefault(base + "listen_port", globalPort)
                        + " as " + tree.getOrDefault(base + "as_num", globalAs));
            }
        }
        addPeers(tree, "/calico/bgp/v1/global/peer_" + family + "/", "Global", ownIp, peers);
        addPeers(tree, host + node + "/peer_" + family + "/", "Node", ownIp, peers);
        return peers;
    }

    private static void addPeers(SortedMap<String, String> tree, String prefix, String kind, String ownIp,
                                 TreeSet<String> peers) {
        for (Map.Entry<String, String> e : tree.subMap(prefix, prefix + '\uffff').entrySet()) {
            Map<String, Object> p = Json.parseObject(e.getValue());
            String ip = Fields.string(p, "ip");
            String port = Fields.string(p, "port");
            if (!ip.equals(ownIp)) {
                peers.add(kind + " " + ip + " port " + (port.equals("0") ? "179" : port) + " as "
                        + Fields.string(p, "as_num"));
            }
        }
    }

    private static boolean onlyCalicoctlApply(Map<String, Object> scenario, Path root) {
        for (Object s : Fields.list(scenario, "steps")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) s;
            if (Fields.string(step, "expect_dir").isEmpty()) {
                return false;
            }
            for (Object a : Fields.list(step, "actions")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> action = (Map<String, Object>) a;
                if (!"calicoctl".equals(Fields.string(action, "tool"))
                        || !"apply".equals(Fields.string(action, "verb"))
                        || !Files.exists(root.resolve(Fields.string(action, "file")))) {
                    return false;
                }
            }
        }
        return true;
    }

    static Path root() throws URISyntaxException {
        return Path.of(CalicoScenarioTest.class.getResource("/calico-confd-tests/scenarios.json").toURI()).getParent();
    }
}
