package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bgpd.lab.Lab;
import org.bgpd.lab.LabPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's {@code birdc} pointed at the sockets of {@code bgpd lab}, as the README tells users to. */
class LabBirdcTest {
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private Lab start(LabPlan.Dialect dialect) throws Exception {
        Lab lab = Lab.start(new LabPlan(3, TcpPorts.free("127.0.0.10"), dir, dialect), s -> {});
        assertTrue(lab.awaitConvergence(CONVERGENCE, s -> {}), "lab converged");
        return lab;
    }

    private static List<String> birdc(Path socket, String... command) {
        String[] argv = new String[3 + command.length];
        argv[0] = "birdc";
        argv[1] = "-s";
        argv[2] = socket.toString();
        System.arraycopy(command, 0, argv, 3, command.length);
        return BirdReply.parseBirdc(ExternalCommand.run(argv)).textLines();
    }

    @Test
    void birdcShowsTheReflectorsClientsAndTheReflectedRoutes() throws Exception {
        try (Lab lab = start(LabPlan.Dialect.BIRD2)) {
            List<BirdProtocol> rows = BirdProtocolParser.parseProtocols(birdc(dir.resolve("rr1.ctl"), "show", "protocols"));
            for (String name : List.of("Node_127_0_0_11", "Node_127_0_0_12", "Node_127_0_0_13")) {
                BirdProtocol p = rows.stream().filter(r -> r.name().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " not in " + rows));
                assertEquals("BGP", p.proto());
                assertEquals("up", p.state());
                assertEquals("Established", p.bgpState());
            }
            List<BirdRoute> routes = BirdRouteParser.parse(birdc(dir.resolve("node1.ctl"), "show", "route"));
            BirdRoute block = routes.stream().filter(r -> r.prefix().equals("10.65.3.0/26")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 10.65.3.0/26 in " + routes));
            assertEquals("Node_127_0_0_10", block.protocol());
            assertEquals("127.0.0.13", block.via());
            assertEquals(12, routes.size(), routes.toString());
        }
    }

    /** calicoctl node status splits birdcl's rows on whitespace under a six-word lower-case heading. */
    @Test
    void birdcReadsTheBird1ReflectorSocketTheWayCalicoctlDoes() throws Exception {
        try (Lab lab = start(LabPlan.Dialect.BIRD1)) {
            List<String> out = birdc(dir.resolve("rr1.ctl"), "show", "protocols");
            assertEquals(List.of("name", "proto", "table", "state", "since", "info"), List.of(out.getFirst().trim().split("\\s+")),
                    out.toString());
            List<String[]> peers = out.subList(1, out.size()).stream().filter(l -> !l.isBlank())
                    .map(l -> l.trim().split("\\s+")).toList();
            assertEquals(3, peers.size(), out.toString());
            for (int k = 1; k <= 3; k++) {
                String[] cols = peers.get(k - 1);
                assertEquals("Node_127_0_0_1" + k, cols[0]);
                assertEquals("BGP", cols[1]);
                assertEquals("master", cols[2]);
                assertEquals("up", cols[3]);
                assertEquals("Established", cols[5]);
            }
        }
    }
}
