package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgpd.fsm.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's own {@code birdc}/{@code birdcl} pointed at bgpd's control sockets while bgpd peers
 * with a real BIRD 2; and route refresh in both directions without a session reset.
 */
class ControlSocketBirdcTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    String bgpdAddr;
    String birdAddr;
    String peerName;
    Path dir;
    Path ctl;
    Path ctl1;
    BgpdInstance bgpd;
    BirdProcess bird;

    @BeforeEach
    void start() throws IOException {
        bgpdAddr = LoopbackAddresses.nextIpv4();
        birdAddr = LoopbackAddresses.nextIpv4();
        int bgpdPort = TcpPorts.free(bgpdAddr);
        int birdPort = TcpPorts.free(birdAddr);
        peerName = "Node_" + birdAddr.replace('.', '_');
        dir = Files.createTempDirectory("bgpd-it-ctl-");
        ctl = dir.resolve("bgpd.ctl");
        ctl1 = dir.resolve("bird.ctl");
        bgpd = BgpdInstance.start("""
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                control-sockets:
                  - {path: "%s", dialect: bird2}
                  - {path: "%s", dialect: bird1, family: ipv4}
                static-routes:
                  - {prefix: 192.0.2.0/24, blackhole: true}
                peers:
                  - name: %s
                    address: "%s"
                    port: %d
                    remote-as: 65002
                    local-address: "%s"
                    hold-time: 9
                    connect-retry-time: 2
                    import: all
                    export: all
                """.formatted(bgpdAddr, bgpdAddr, bgpdPort, ctl, ctl1, peerName, birdAddr, birdPort, bgpdAddr));
        BirdConfig cfg = BirdConfig.builder().routerId(birdAddr)
                .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.0.0/24"))
                .bgp(BirdBgpProtocol.builder("peer1").local(birdAddr, birdPort, 65002).neighbor(bgpdAddr, bgpdPort, 65001)
                        .holdTime(9).multihop().channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                .build();
        bird = BirdProcess.start(cfg);
        bgpd.awaitEstablished(peerName, TIMEOUT);
        bird.awaitEstablished("peer1", TIMEOUT);
        bgpd.awaitRoute("10.99.0.0/24", TIMEOUT);
        bird.awaitRoute("192.0.2.0/24", TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (bird != null) bird.close();
        if (bgpd != null) bgpd.close();
    }

    static String birdc(Path socket, String... command) {
        String[] argv = new String[3 + command.length];
        argv[0] = "birdc";
        argv[1] = "-s";
        argv[2] = socket.toString();
        System.arraycopy(command, 0, argv, 3, command.length);
        return ExternalCommand.run(argv);
    }

    static List<String> lines(String printed) { return BirdReply.parseBirdc(printed).textLines(); }

    @Test
    void birdcShowsOurPeerRoutesAndStatus() {
        BirdProtocol row = protocol(BirdProtocolParser.parseProtocols(lines(birdc(ctl, "show", "protocols"))), peerName);
        assertEquals("BGP", row.proto());
        assertEquals("up", row.state());
        assertEquals("Established", row.bgpState());
        BirdProtocol stat = protocol(BirdProtocolParser.parseProtocols(lines(birdc(ctl, "show", "protocols"))), "static1");
        assertEquals("Static", stat.proto());

        List<BirdRoute> routes = BirdRouteParser.parse(lines(birdc(ctl, "show", "route")));
        BirdRoute ours = route(routes, "192.0.2.0/24");
        assertEquals("static1", ours.protocol());
        assertEquals("blackhole", ours.type());
        BirdRoute theirs = route(routes, "10.99.0.0/24");
        assertEquals(peerName, theirs.protocol());
        assertEquals(birdAddr, theirs.via());
        assertTrue(theirs.primary());

        BirdRoute all = route(BirdRouteParser.parse(lines(birdc(ctl, "show", "route", "all"))), "10.99.0.0/24");
        assertEquals("65002", all.asPath());
        assertEquals("IGP", all.attribute("BGP.origin"));
        assertEquals(birdAddr, all.bgpNextHop());

        String count = birdc(ctl, "show", "route", "count");
        assertTrue(count.contains("2 of 2 routes for 2 networks in table master4"), count);

        BirdProtocolDetails d = BirdProtocolParser.parseDetails(lines(birdc(ctl, "show", "protocols", "all", peerName)))
                .getFirst();
        assertEquals("Established", d.bgpState());
        assertEquals(65002, d.neighborAs());
        assertEquals(1, d.channel("ipv4").imported());

        String status = birdc(ctl, "show", "status");
        assertTrue(status.contains("Router ID is " + bgpdAddr), status);
        assertTrue(status.contains("Daemon is up and running"), status);

        String cl = ExternalCommand.run("birdcl", "-s", ctl.toString(), "show", "protocols");
        assertEquals("Established", protocol(BirdProtocolParser.parseProtocols(lines(cl)), peerName).bgpState());

        ExternalCommand.Result bad = ExternalCommand.tryRun("birdc", "-s", ctl.toString(), "show", "protocols", "nosuch");
        assertTrue(bad.stdout().contains("syntax error"), bad.describe());
    }

    private static BirdProtocol protocol(List<BirdProtocol> rows, String name) {
        for (BirdProtocol p : rows) if (p.name().equals(name)) return p;
        throw new AssertionError("no protocol " + name + " in " + rows);
    }

    private static BirdRoute route(List<BirdRoute> routes, String prefix) {
        for (BirdRoute r : routes) if (r.prefix().equals(prefix)) return r;
        throw new AssertionError("no route " + prefix + " in " + routes);
    }

    /** calicoctl node status: birdcl's rows split on whitespace, the heading must be exactly these six. */
    @Test
    void aBird1SocketReadsTheWayCalicoctlParsesIt() {
        List<String> out = lines(ExternalCommand.run("birdcl", "-s", ctl1.toString(), "show", "protocols"));
        int heading = -1;
        for (int i = 0; i < out.size(); i++) {
            if (List.of(out.get(i).trim().split("\\s+")).equals(List.of("name", "proto", "table", "state", "since", "info"))) {
                heading = i;
            }
        }
        assertTrue(heading >= 0, out.toString());
        String[] peer = null;
        for (String l : out.subList(heading + 1, out.size())) {
            String[] cols = l.trim().split("\\s+");
            if (cols[0].equals(peerName)) peer = cols;
        }
        assertTrue(peer != null, out.toString());
        assertEquals("BGP", peer[1]);
        assertEquals("master", peer[2]);
        assertEquals("up", peer[3]);
        assertEquals("Established", peer[5]);
    }

    /** The "received" column of BIRD's "Import updates:" row for peer1. */
    private int birdImportUpdates() {
        String all = bird.birdc("show protocols all peer1");
        Matcher m = Pattern.compile("Import updates:\\s+(\\d+)").matcher(all);
        if (!m.find()) throw new AssertionError("no import updates row in " + all);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void routeRefreshResendsWithoutASessionReset() {
        Instant ourSince = bgpd.session(peerName).since();
        String birdSince = bird.protocol("peer1").since();
        int before = birdImportUpdates();

        // BIRD asks us for a refresh: we re-send our Adj-RIB-Out.
        String reply = bird.birdc("reload in peer1");
        assertTrue(reply.contains("reloading"), reply);
        Await.until("BIRD received our routes again", TIMEOUT, this::birdImportUpdates, n -> n > before,
                bird::diagnostics);

        // We re-send on `reload out` from our own socket too.
        int middle = birdImportUpdates();
        String out = birdc(ctl, "reload", "out", peerName);
        assertTrue(out.contains(peerName + ": reloading"), out);
        Await.until("BIRD received our routes a third time", TIMEOUT, this::birdImportUpdates, n -> n > middle,
                bird::diagnostics);

        // `reload in` asks BIRD for its routes; its answer keeps the route and the session.
        String in = birdc(ctl, "reload", "in", peerName);
        assertTrue(in.contains(peerName + ": reloading"), in);
        bgpd.awaitRoute("10.99.0.0/24", TIMEOUT);

        assertEquals(State.ESTABLISHED, bgpd.session(peerName).state());
        assertEquals(ourSince, bgpd.session(peerName).since(), "our session was not reset");
        assertEquals(birdSince, bird.protocol("peer1").since(), "BIRD's session was not reset");
    }
}
