package org.bgpd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bgpd.lab.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bgpd lab --once}: the printed report, and a clean stop that leaves the configs only. */
class LabCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new LabCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    @Test
    void printsEverySpeakersProtocolsAndNode1sRoutesThenStops() throws Exception {
        int code = run("--nodes", "2", "--port", "" + LabTest.freePort(), "--dir", dir.toString(), "--dialect", "bird2",
                "--timeout", "120", "--once");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("converging: 3 of 3 speakers hold all 8 routes"), printed);
        for (String s : List.of("rr1", "node1", "node2")) {
            assertTrue(printed.contains("== " + s + ": bgpctl -s " + dir.resolve(s + ".ctl") + " show protocols"), printed);
        }
        String routes = printed.substring(printed.indexOf("== node1: bgpctl -s " + dir.resolve("node1.ctl") + " show route"));
        assertTrue(routes.contains("10.65.2.0/26"), routes);
        assertTrue(routes.contains("10.65.2.3/32"), routes);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("Node_127_0_0_12 ") && l.contains("Established")), printed);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("node1.yaml", "node2.yaml", "rr1.yaml"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void rejectsAnUnknownDialectAndTooManyNodes() {
        assertEquals(2, run("--dialect", "bird3", "--dir", dir.toString()));
        assertEquals(2, run("--nodes", "0", "--dir", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--nodes must be 1..200"));
        assertFalse(Files.exists(dir.resolve("rr1.yaml")));
    }
}
