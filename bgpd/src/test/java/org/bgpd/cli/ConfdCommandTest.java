package org.bgpd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bgpd confd --onetime} end to end: the shipped template, a key file, bgpd's own check. */
class ConfdCommandTest {

    private static final Path TEMPLATES = Path.of("../confd-templates/templates/bgpd.yaml.peb");
    private static final Path KEYS = Path.of("../confd/src/test/resources/org/bgpd/confd/templates/mesh-3-nodes/keys.yaml");

    @TempDir
    Path dir;

    private int confd(Path keys, String... extra) {
        String[] base = {"confd", "--confdir", dir.resolve("confdir").toString(), "--backend", "file",
                "--file", keys.toString(), "--node", "node-2", "--onetime"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new CommandLine(new BgpdCommand()).execute(args);
    }

    @Test
    void onetimeRendersThenReportsUnchangedThenRefusesAnInvalidConfig() throws Exception {
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.copy(TEMPLATES, confdir.resolve("templates/bgpd.yaml.peb"));
        Path dest = dir.resolve("out/bgpd.yaml");
        Path reloads = dir.resolve("reloads");
        Files.writeString(confdir.resolve("conf.d/bgpd.yaml"), """
                src: bgpd.yaml.peb
                dest: %s
                keys: [/calico/bgp/v1, /calico/ipam/v2/host//NODENAME, /calico/v1/ipam]
                reload: echo reloaded >> %s
                """.formatted(dest, reloads));
        Path keys = dir.resolve("keys.yaml");
        Files.copy(KEYS, keys);

        assertEquals(ConfdCommand.CHANGED, confd(keys, "--detailed-exitcode"));
        assertInstanceOf(LoadResult.Loaded.class, ConfigLoader.load(dest));
        String first = Files.readString(dest);
        assertTrue(first.contains("name: Mesh_10_0_0_1"), first);
        assertEquals(1, Files.readAllLines(reloads).size());

        assertEquals(ConfdCommand.OK, confd(keys, "--detailed-exitcode"));
        assertEquals(1, Files.readAllLines(reloads).size());

        Files.writeString(keys, Files.readString(keys).replace("as_num: \"64512\"", "as_num: \"not-an-as\""));
        assertEquals(ConfdCommand.FAILED, confd(keys));
        assertEquals(first, Files.readString(dest));
        assertEquals(1, Files.readAllLines(reloads).size());

        assertEquals(ConfdCommand.OK, confd(KEYS, "--no-reload"));
        assertFalse(Files.readString(dest).contains("not-an-as"));
    }

    /** confd's -onetime contract: 0 whether or not a file changed, so `bgpd confd --onetime || exit 1` works. */
    @Test
    void onetimeWithoutDetailedExitCodeIsZeroForChangedAndUnchanged() throws Exception {
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.copy(TEMPLATES, confdir.resolve("templates/bgpd.yaml.peb"));
        Path dest = dir.resolve("out/bgpd.yaml");
        Files.writeString(confdir.resolve("conf.d/bgpd.yaml"), """
                src: bgpd.yaml.peb
                dest: %s
                keys: [/calico/bgp/v1, /calico/ipam/v2/host//NODENAME, /calico/v1/ipam]
                reload: none
                """.formatted(dest));
        Path keys = dir.resolve("keys.yaml");
        Files.copy(KEYS, keys);
        assertEquals(ConfdCommand.OK, confd(keys));
        assertTrue(Files.exists(dest));
        assertEquals(ConfdCommand.OK, confd(keys));
        Files.writeString(keys, Files.readString(keys).replace("as_num: \"64512\"", "as_num: \"not-an-as\""));
        assertEquals(ConfdCommand.FAILED, confd(keys));
    }

    @Test
    void anUnknownBackendIsRefused() {
        int rc = new CommandLine(new BgpdCommand()).execute("confd", "--confdir", dir.toString(), "--backend", "consul", "--onetime");
        assertEquals(ConfdCommand.FAILED, rc);
    }

    /** Tried: Calico v3 resources (two Nodes, mesh by default) in a folder instead of v1 keys. */
    @Test
    void calicoBackendDerivesTheV1TreeFromResources() throws Exception {
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.copy(TEMPLATES, confdir.resolve("templates/bgpd.yaml.peb"));
        Path dest = dir.resolve("out/bgpd.yaml");
        Files.writeString(confdir.resolve("conf.d/bgpd.yaml"), """
                src: bgpd.yaml.peb
                dest: %s
                keys: [/calico/bgp/v1, /calico/ipam/v2/host//NODENAME, /calico/v1/ipam]
                reload: none
                """.formatted(dest));
        Path resources = dir.resolve("resources");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("nodes.yaml"), """
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node-1}
                spec: {bgp: {ipv4Address: 10.0.0.1/24}}
                ---
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node-2}
                spec: {bgp: {ipv4Address: 10.0.0.2/24}}
                """);
        int rc = new CommandLine(new BgpdCommand()).execute("confd", "--confdir", confdir.toString(), "--backend", "calico",
                "--file", resources.toString(), "--node", "node-2", "--onetime");
        assertEquals(ConfdCommand.OK, rc);
        assertInstanceOf(LoadResult.Loaded.class, ConfigLoader.load(dest));
        String out = Files.readString(dest);
        assertTrue(out.contains("name: Mesh_10_0_0_1"), out);
        assertFalse(out.contains("name: Mesh_10_0_0_2"), out);
    }
}
