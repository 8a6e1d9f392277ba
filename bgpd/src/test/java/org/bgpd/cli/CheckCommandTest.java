package org.bgpd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bgpd check --config FILE}: the exit status and what it prints, through the real command line. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run check(Path file) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = new CommandLine(new BgpdCommand()).execute("check", "--config", file.toString());
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theShippedExamplesPass() {
        for (String name : new String[] {"node.yaml", "route-reflector.yaml", "lab.yaml"}) {
            Run r = check(Path.of("../config/examples", name));
            assertEquals(0, r.status(), name + ": " + r.err());
            assertTrue(r.out().contains("configuration OK"), r.out());
        }
    }

    /** Tried: an unknown key, a bad address and an AS out of range in one file: every error, with its position, exit 1. */
    @Test
    void everyErrorIsPrintedWithFileLineAndColumnAndTheStatusIsOne() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                router-id: 10.0.0.300
                local-as: 4294967296
                colour: blue
                """);
        Run r = check(bad);
        assertEquals(1, r.status());
        assertTrue(r.err().contains(bad + ":1:12: "), r.err());
        assertTrue(r.err().contains(bad + ":2:11: "), r.err());
        assertTrue(r.err().contains(bad + ":3:1: unknown key 'colour'"), r.err());
        assertTrue(r.err().contains("3 errors"), r.err());
        assertEquals("", r.out());
    }
}
