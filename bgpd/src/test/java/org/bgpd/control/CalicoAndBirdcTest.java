package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility contract: Calico's status.go parser (bird-control-protocol.md §5) accepts our
 * bird1 {@code show protocols}, and Debian's {@code birdc} prints our bird2 reply as it printed BIRD's.
 */
public class CalicoAndBirdcTest {
    @TempDir
    Path tmp;

    public record Peer(String ip, String type, String state, String since, String bgpState, String info) {}

    private static final Pattern NAME = Pattern.compile("^(Global|Node|Mesh)_(.+)$");

    /** A port of calicoctl's status.go scanner: the same checks, the same errors. */
    public static List<Peer> calicoParse(String reply) {
        List<Peer> peers = new ArrayList<>();
        for (String line : reply.split("\n", -1)) {
            if (line.startsWith("0000")) return peers;
            if (line.startsWith("0001")) continue;
            if (line.startsWith("2002")) {
                List<String> heading = Arrays.asList(line.substring(5).trim().split("\\s+"));
                if (!heading.equals(List.of("name", "proto", "table", "state", "since", "info"))) {
                    throw new IllegalStateException("unknown BIRD table output format");
                }
                continue;
            }
            String row;
            if (line.startsWith("1002")) row = line.substring(5);
            else if (line.startsWith(" ")) row = line.substring(1);
            else throw new IllegalStateException("unexpected output line from BIRD: " + line);
            String[] f = row.trim().split("\\s+");
            if (f.length < 6 || !f[1].equals("BGP")) continue;
            Matcher m = NAME.matcher(f[0]);
            if (!m.matches()) continue;
            String type = switch (m.group(1)) {
                case "Global" -> "global";
                case "Mesh" -> "node-to-node mesh";
                default -> "node specific";
            };
            String info = String.join(" ", Arrays.copyOfRange(f, 6, f.length));
            peers.add(new Peer(m.group(2).replace('_', '.'), type, f[3], f[4], f[5], info));
        }
        throw new IllegalStateException("reply did not end with 0000");
    }

    @Test
    void calicoStatusParserAcceptsBird1ShowProtocols() {
        String reply = CaptureTest.reply(LabData1.nodeC(LabData1.Phase.NORMAL), Dialect.BIRD1, "show protocols");
        List<Peer> peers = calicoParse(reply);
        assertEquals(List.of(
                new Peer("10.99.1.2", "node specific", "up", "19:00:29", "Established", ""),
                new Peer("10.99.1.7", "node-to-node mesh", "start", "19:00:27", "Passive", ""),
                new Peer("127.0.0.4", "global", "start", "19:00:27", "Active", "Socket: Connection closed")), peers);
    }

    @Test
    void calicoStatusParserRejectsTheBird2Heading() {
        String reply = CaptureTest.reply(LabData.nodeA(201), Dialect.BIRD2, "show protocols");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> calicoParse(reply));
        assertEquals("unknown BIRD table output format", e.getMessage());
    }

    /** calico-node -bird-ready: accepted line prefixes and the 0024 graceful-restart marker. */
    @Test
    void birdReadyStatusCheck() {
        String normal = CaptureTest.reply(LabData1.nodeC(LabData1.Phase.NORMAL), Dialect.BIRD1, "show status");
        String gr = CaptureTest.reply(LabData1.nodeC(LabData1.Phase.GR_START), Dialect.BIRD1, "show status");
        for (String reply : List.of(normal, gr)) {
            for (String line : reply.split("\n")) {
                assertTrue(line.startsWith("0013") || line.startsWith("1000") || line.startsWith("1011")
                        || line.startsWith("0024") || line.startsWith(" "), line);
            }
        }
        assertTrue(gr.contains("\n0024-Graceful restart recovery in progress\n"));
        assertTrue(normal.startsWith("1000-BIRD 1.6.8\n"));
    }

    @Test
    void debianBirdcReadsOurSocket() throws Exception {
        Path birdc = Path.of("/usr/sbin/birdc");
        assertTrue(Files.isExecutable(birdc), "birdc missing: scripts/install-test-deps installs bird2");
        FakeBackend b = LabData.nodeA(201);
        ProtocolInfo g = b.protocols.get(5);
        b.protocols.set(5, new ProtocolInfo(g.name(), g.proto(), g.table(), g.state(), LabData.t("19:00:41.257"), g.info(),
                g.description(), g.family(), g.channels(), g.bgp()));
        Path sock = tmp.resolve("bird.ctl");
        try (ControlServer s = new ControlServer(b, List.of(new ControlSocketSpec(sock, Dialect.BIRD2, null)),
                Clock.fixed(b.status.serverTime(), ZoneOffset.UTC), ZoneOffset.UTC, ControlServer.DEFAULT_MAX_LINE)) {
            s.start();
            Process p = new ProcessBuilder(birdc.toString(), "-s", sock.toString(), "show", "protocols")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // A guard against a hung child, not a speed assertion.
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals(reference("birdc/bird2-node-a__show_protocols.birdc.txt"), out);
        }
    }

    private static String reference(String rel) throws IOException {
        return Files.readString(Captures.referenceDir().resolve("bird-cli").resolve(rel), StandardCharsets.UTF_8);
    }
}
