package org.bgpd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgpd.confd.calico.CalicoResourceFolder;
import org.bgpd.confd.calico.CalicoTree;
import org.bgpd.confd.template.RenderScope;
import org.bgpd.confd.template.TemplateEngine;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Semantic conformance with Calico's own confd test suite (v3.31.7 fixtures in
 * confd/src/test/resources/calico-confd-tests). For every scenario and step: derive the v1 tree
 * from the step's inputs, render confd-templates/templates/bgpd.yaml.peb, load it with bgpd's
 * ConfigLoader (must succeed), and compare with the BIRD configuration Calico's confd rendered
 * ({@link StepComparison}). Policies are judged with the daemon's own PolicyCompiler, which is
 * why this test lives in the bgpd module: confd must not depend on bgpd, and bgpd's tests see
 * confd, config, rib and fib-sync. Every scenario must conform; none is skipped.
 */
class CalicoConformanceTest {

    static final Path ROOT = Path.of("../confd/src/test/resources/calico-confd-tests");
    static final Path TEMPLATES = Path.of("../confd-templates/templates");
    private static final Pattern DELETE_SECRET = Pattern.compile("kubectl delete secret (\\S+)( -n \\S+)?");

    @TestFactory
    List<DynamicTest> everyScenarioMatchesCalico() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode s : scenarios()) {
            String name = s.get("scenario").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<String> problems = run(s);
                assertTrue(problems.isEmpty(), () -> name + ":\n  " + String.join("\n  ", problems));
            }));
        }
        assertEquals(60, tests.size(), "scenarios in scenarios.json");
        return tests;
    }

    static List<JsonNode> scenarios() throws Exception {
        JsonNode index = new ObjectMapper().readTree(ROOT.resolve("scenarios.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        index.get("scenarios").forEach(out::add);
        return out;
    }

    /** Every difference in every step of one scenario; empty when it conforms. */
    static List<String> run(JsonNode scenario) throws Exception {
        Map<String, String> env = new HashMap<>();
        scenario.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        String node = env.get("NODENAME");
        SortedMap<String, String> raw = new TreeMap<>();
        CalicoResourceFolder.readSeed(ROOT.resolve("datastore-seed/etcd/block"), raw);
        List<String> problems = new ArrayList<>();
        int stepNo = 0;
        for (JsonNode step : scenario.get("steps")) {
            stepNo++;
            for (JsonNode a : step.get("actions")) apply(a, raw);
            SortedMap<String, String> tree = CalicoTree.derive(raw, node);
            String rendered = new TemplateEngine(TEMPLATES, Path.of("/nonexistent"))
                    .render("bgpd.yaml.peb", new RenderScope(new KeySnapshot(stepNo, tree), node, env));
            Path dump = Path.of("target/conformance", scenario.get("scenario").asText(), "step" + stepNo + ".yaml");
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, rendered); // for reading a failure beside the expected BIRD files
            String label = "step " + stepNo + (step.has("expect_dir") ? " (" + step.get("expect_dir").asText() + ")" : "");
            LoadResult loaded = ConfigLoader.parse(rendered, label);
            if (!(loaded instanceof LoadResult.Loaded l)) {
                problems.add(label + ": bgpd refuses the rendered config: " + loaded + "\n" + rendered);
                continue;
            }
            DaemonConfig config = l.config();
            if (step.has("expect_protocol_bgp_count")) {
                int want = step.get("expect_protocol_bgp_count").asInt();
                if (config.peers().size() != want) {
                    problems.add(label + ": " + config.peers().size() + " peers, Calico renders " + want);
                }
            } else {
                for (String d : StepComparison.compare(ROOT.resolve(step.get("expect_dir").asText()), config, tree, node)) {
                    problems.add(label + ": " + d);
                }
            }
        }
        return problems;
    }

    private static void apply(JsonNode action, SortedMap<String, String> raw) throws Exception {
        String tool = action.get("tool").asText();
        switch (tool) {
            case "calicoctl", "kubectl" -> {
                String verb = action.get("verb").asText();
                if (!List.of("apply", "create", "replace").contains(verb)) throw new IllegalStateException(tool + " " + verb);
                Path f = ROOT.resolve(action.get("file").asText());
                if (Files.exists(f)) CalicoResourceFolder.readResources(f, raw);
                else throw new IllegalStateException("missing input " + f);
            }
            case "command" -> {
                Matcher m = DELETE_SECRET.matcher(action.get("command").asText());
                if (m.matches()) CalicoResourceFolder.deleteSecret(m.group(1), raw);
                else if (action.get("command").asText().startsWith("calicoctl delete ")) {
                    String[] w = action.get("command").asText().split(" ");
                    raw.remove(CalicoTree.RESOURCES + (w[2].equals("node") ? "nodes/" : w[2] + "s/") + w[3]);
                } else {
                    throw new IllegalStateException("unsupported command " + action.get("command").asText());
                }
            }
            case "file" -> {
                // Only Felix's endpoint-status files are written by the runner (local workload peers).
                if (!action.get("runtime_path").asText().contains("/endpoint-status/")) {
                    throw new IllegalStateException("unsupported file " + action);
                }
                CalicoResourceFolder.readEndpointStatus(ROOT.resolve(action.get("file").asText()), raw);
            }
            default -> throw new IllegalStateException("unsupported action " + action);
        }
    }
}
