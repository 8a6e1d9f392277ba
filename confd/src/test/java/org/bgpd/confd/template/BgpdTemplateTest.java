package org.bgpd.confd.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bgpd.confd.file.KeyFileParser;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders confd-templates/templates/bgpd.yaml.peb from hand-written v1 key trees and compares with
 * golden files that bgpd's own loader must accept. {@code -Dgolden.update=true} rewrites the golden
 * files, so a template change shows up as a reviewed diff.
 */
class BgpdTemplateTest {

    private static final Path TEMPLATES = Path.of("../confd-templates/templates");
    private static final Path CASES = Path.of("src/test/resources/org/bgpd/confd/templates");

    @ParameterizedTest
    @CsvSource({"mesh-3-nodes, node-2", "reflectors, rr-1", "global-peers, edge-1", "bgp-filters, node-1"})
    void rendersGoldenConfigThatBgpdAccepts(String scenario, String node) throws Exception {
        Path dir = CASES.resolve(scenario);
        Map<String, String> keys = KeyFileParser.parse(Files.readString(dir.resolve("keys.yaml")), scenario);
        String rendered = new TemplateEngine(TEMPLATES, Path.of("/nonexistent"))
                .render("bgpd.yaml.peb", new RenderScope(new KeySnapshot(1, new TreeMap<>(keys)), node, Map.of()));

        Path golden = dir.resolve("expected.yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden), rendered);
        LoadResult loaded = ConfigLoader.parse(rendered, scenario + "/expected.yaml");
        assertInstanceOf(LoadResult.Loaded.class, loaded, () -> loaded.toString());
    }
}
