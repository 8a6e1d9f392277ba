package org.bgpd.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bgpd.cli.ControlClient;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.CalicoAndBirdcTest;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RouteView;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The lab with three nodes, started once: convergence, names, sockets, and what calicoctl reads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class LabTest {
    /** Generous: other builds share the machine's two cores. A guard, not a speed assertion. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    Lab lab;
    final List<String> progress = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        lab = Lab.start(new LabPlan(3, freePort(), dir, LabPlan.Dialect.BIRD1), progress::add);
        assertTrue(lab.awaitConvergence(CONVERGENCE, progress::add), progress.toString());
    }

    @AfterAll
    void stop() {
        if (lab != null) lab.close();
    }

    /** A port free on the reflector's address; the nodes' addresses are almost surely free on it too. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.10"), 0));
            return s.getLocalPort();
        }
    }

    @Test
    void everyNodeHoldsEveryOtherNodesBlockAndPodRoutes() throws Exception {
        LabPlan plan = lab.plan();
        for (LabSpeaker node : plan.nodeList()) {
            String shown = text(node.socket(), "show route");
            for (LabSpeaker other : plan.nodeList()) {
                if (other == node) continue;
                assertEquals(4, other.prefixes().size());
                for (String p : other.prefixes()) {
                    List<RouteView> rs = routes(node.name(), p);
                    assertFalse(rs.isEmpty(), node.name() + " lacks " + p);
                    assertTrue(rs.get(0).best());
                    assertTrue(shown.contains(p + " "), node.name() + " show route lacks " + p + ":\n" + shown);
                    assertTrue(shown.contains("via " + other.address()), shown);
                }
            }
        }
        assertTrue(routes("node1", "10.65.2.0/26").get(0).source().toString().contains("127.0.0.10"),
                "node2's routes reach node1 through the reflector");
    }

    @Test
    void theReflectorShowsEveryNodeEstablishedUnderItsCalicoName() throws Exception {
        String shown = text(lab.plan().reflector().socket(), "show protocols");
        for (String name : List.of("Node_127_0_0_11", "Node_127_0_0_12", "Node_127_0_0_13")) {
            String row = shown.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(() -> new AssertionError(shown));
            assertTrue(row.contains(" Established"), row);
            assertEquals(State.ESTABLISHED, lab.daemon("rr1").session(name).snapshot().state());
        }
        assertEquals(State.ESTABLISHED, lab.daemon("node2").session("Node_127_0_0_10").snapshot().state());
    }

    @Test
    void calicoctlNodeStatusParsesTheReflectorsBird1Socket() throws Exception {
        List<CalicoAndBirdcTest.Peer> peers = CalicoAndBirdcTest.calicoParse(raw(lab.plan().reflector().socket(), "show protocols"));
        assertEquals(3, peers.size(), peers.toString());
        for (int k = 1; k <= 3; k++) {
            CalicoAndBirdcTest.Peer p = peers.get(k - 1);
            assertEquals("127.0.0." + (10 + k), p.ip());
            assertEquals("node specific", p.type());
            assertEquals("up", p.state());
            assertTrue(p.since().matches("\\d\\d:\\d\\d:\\d\\d"), p.since());
            assertEquals("Established", p.bgpState());
        }
    }

    @Test
    void socketsAndConfigsAreInTheFolderUnderTheDocumentedNames() {
        List<String> expected = List.of("node1.ctl", "node1.yaml", "node2.ctl", "node2.yaml", "node3.ctl", "node3.yaml",
                "rr1.ctl", "rr1.yaml");
        assertEquals(expected, names(dir));
        assertEquals(List.of(dir.resolve("rr1.ctl"), dir.resolve("node1.ctl"), dir.resolve("node2.ctl"), dir.resolve("node3.ctl")),
                lab.sockets());
        for (String f : List.of("rr1.yaml", "node1.yaml")) {
            assertTrue(ConfigLoader.load(dir.resolve(f)) instanceof LoadResult.Loaded, f + " passes bgpd check");
        }
    }

    @Test
    void progressNamesEverySpeakerAndEndsConverged() {
        assertTrue(progress.get(0).startsWith("started rr1 on 127.0.0.10:"), progress.toString());
        assertTrue(progress.get(3).startsWith("started node3 on 127.0.0.13:"), progress.toString());
        assertEquals("converging: 4 of 4 speakers hold all 12 routes", progress.getLast());
    }

    @Test
    void closeStopsEveryDaemonAndRemovesItsSocket(@TempDir Path other) throws Exception {
        Lab small = Lab.start(new LabPlan(1, freePort(), other, LabPlan.Dialect.BIRD2), s -> {});
        try {
            assertTrue(small.awaitConvergence(CONVERGENCE, s -> {}));
            assertTrue(text(other.resolve("rr1.ctl"), "show protocols").contains("Node_127_0_0_11"));
        } finally {
            small.close();
        }
        small.close();
        assertEquals(List.of("node1.yaml", "rr1.yaml"), names(other));
    }

    private List<RouteView> routes(String speaker, String prefix) throws Exception {
        CompletableFuture<List<RouteView>> f = new CompletableFuture<>();
        lab.daemon(speaker).rib().offer(new RibCommand.Query(Prefix.parse(prefix), f::complete));
        return f.get(30, TimeUnit.SECONDS);
    }

    /** A reply's text lines, as bgpctl prints them. */
    private static String text(Path socket, String command) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ControlClient.Line l : ControlClient.query(socket, command)) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    /** Everything the socket sends, greeting included, as calicoctl reads it. */
    private static String raw(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(in.readLine()).append('\n');
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            while (true) {
                String line = in.readLine();
                if (line == null) throw new IOException("closed mid-reply: " + sb);
                sb.append(line).append('\n');
                if (line.length() >= 5 && Character.isDigit(line.charAt(0)) && line.charAt(4) == ' ') return sb.toString();
            }
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
