package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bgpd as the restarting speaker (RFC 4724 §4.1) and as helper, with real BIRD 2 ({@code graceful
 * restart on}) and the real kernel. bgpd runs as its own process in namespace "node"; each BIRD in
 * its own namespace over a veth pair (node 10.0.1.1 - birdA 10.0.1.2, node 10.0.2.1 - birdB
 * 10.0.2.2). A {@link KernelRouteWatch} samples node's table every 100 ms: a watched route of ours
 * must never be missing. Needs root, as in CI.
 */
class GracefulRestartNamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Felix's IPAM block in node: learned by bgpd and advertised to BIRD. */
    private static final String BLOCK = "10.244.1.0/26";

    @TempDir
    Path dir;

    private String yaml(int restartTime, boolean twoPeers) {
        String peerB = twoPeers ? """
                  - name: birdB
                    address: 10.0.2.2
                    remote-as: 64512
                    hold-time: 9
                    connect-retry-time: 2
                    export: all
                """ : "";
        return """
                router-id: 10.0.1.1
                local-as: 64512
                control-sockets: [{path: "%s"}]
                graceful-restart: {restart-time: %d}
                peers:
                  - name: birdA
                    address: 10.0.1.2
                    remote-as: 64512
                    hold-time: 9
                    connect-retry-time: 2
                    export: all
                %skernel:
                  graceful-restart: true
                  learn:
                    interfaces: ["cali*"]
                    types: [unicast, blackhole]
                    protocols: [boot, 80]
                """.formatted(socket(), restartTime, peerB);
    }

    private Path socket() { return dir.resolve("bgpd.ctl"); }

    private static BirdConfig birdConfig(String self, String... blackholes) {
        BirdStaticProtocol st = BirdStaticProtocol.ipv4("static1");
        for (String b : blackholes) st = st.blackhole(b);
        return BirdConfig.builder().routerId(self).staticProtocol(st)
                .bgp(BirdBgpProtocol.builder("node").local(self, 64512).neighbor(self.replaceAll("\\.2$", ".1"), 64512)
                        .holdTime(9).connectRetryTime(2).gracefulRestartTime(60).extra("debug { states, routes };")
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1").nextHopSelf()))
                .build();
    }

    private static Set<String> bgpPrefixes(Netns ns) {
        return ns.routes().stream().filter(r -> r.protocol().equals("bgp")).map(IpRoute::prefix).collect(Collectors.toSet());
    }

    private static void awaitKernel(Netns ns, String prefix, BgpdProcess bgpd) {
        Await.until(prefix + " in node's kernel", TIMEOUT, () -> bgpPrefixes(ns), s -> s.contains(prefix), () -> bgpd.logTail(30));
    }

    /** Whether BIRD's route trace has a line for {@code prefix} containing {@code word}. */
    private static boolean traced(BirdProcess bird, String prefix, String word) {
        try {
            for (String l : Files.readAllLines(bird.logFile())) if (l.contains(prefix) && l.contains(word)) return true;
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Netns node() {
        Netns node = Netns.create();
        node.addVethPair("cali123", "pod0");
        node.addRoute("blackhole " + BLOCK + " proto 80");
        return node;
    }

    /** Issue 6, (1) and (4). */
    @Test
    void gracefulRestartKeepsEveryRouteInPlaceAndAPlainStopWithdrawsEverything() {
        try (Netns node = node(); Netns a = Netns.create()) {
            Netns.connect(node, "veth-a", "10.0.1.1/24", a, "veth-n", "10.0.1.2/24");
            try (BirdProcess birdA = BirdProcess.start(birdConfig("10.0.1.2", "10.50.0.0/24"), a)) {
                BgpdProcess first = BgpdProcess.start(node, dir, yaml(30, false));
                birdA.awaitEstablished("node", TIMEOUT);
                birdA.awaitRoute(BLOCK, TIMEOUT);
                awaitKernel(node, "10.50.0.0/24", first);
                Await.until("BIRD traced our route's arrival", TIMEOUT, () -> traced(birdA, BLOCK, "added"));

                try (KernelRouteWatch watch = KernelRouteWatch.start(node, "10.50.0.0/24")) {
                    // SIGTERM with kernel.graceful-restart: no Cease, kernel routes stay, state file written.
                    first.stop();
                    assertTrue(Files.exists(dir.resolve("bgpd.restart")), "the graceful stop leaves its state file");
                    assertTrue(bgpPrefixes(node).contains("10.50.0.0/24"), "kernel route kept across the stop");
                    assertEquals(1, birdA.routesFor(BLOCK).size(), "BIRD keeps our route as stale");

                    try (BgpdProcess second = BgpdProcess.start(node, dir, yaml(30, false))) {
                        Await.until("second run saw the graceful stop", TIMEOUT,
                                () -> second.log(), l -> l.contains("restarting after a graceful stop"), () -> second.logTail(30));
                        birdA.awaitEstablished("node", TIMEOUT);
                        // A route BIRD adds now is installed at once, while recovery may still run.
                        birdA.reconfigure(birdConfig("10.0.1.2", "10.50.0.0/24", "10.51.0.0/24"));
                        awaitKernel(node, "10.51.0.0/24", second);
                        Await.until("adopted routes settled", TIMEOUT, () -> second.log(), l -> l.contains("initial convergence"),
                                () -> second.logTail(30));
                        // Every 100 ms since before the stop; a quiet machine restarts in under a second.
                        assertTrue(watch.samples() >= 3, "the watch sampled the restart: " + watch.samples());
                        assertEquals(List.of(), watch.misses(), "no route of ours ever missing from the kernel");
                        assertFalse(traced(birdA, BLOCK, "removed"), () -> "BIRD withdrew our route:\n" + birdA.logTail(40));
                        assertEquals(1, birdA.routesFor(BLOCK).size());
                        assertFalse(Files.exists(dir.resolve("bgpd.restart")), "the state file is used once");

                        // (4) `down` is a plain stop even with kernel.graceful-restart: Cease, routes withdrawn.
                        assertEquals(7, new BirdControlSocket(socket()).send("down").code());
                        second.awaitExit();
                        Await.until("BIRD lost our route", TIMEOUT, () -> birdA.routesFor(BLOCK), List::isEmpty, () -> birdA.logTail(30));
                        assertEquals(Set.of(), bgpPrefixes(node), "a plain stop removes every route of ours");
                        assertFalse(Files.exists(dir.resolve("bgpd.restart")), "a plain stop leaves no state file");
                    }
                }
            }
        }
    }

    /** Issue 6, (3): one of two peers never comes back after our restart. */
    @Test
    void aDeadPeerDoesNotFreezeTheLivePeersRoutesAndItsStaleRoutesGoAtTheRestartTimer() {
        try (Netns node = node(); Netns a = Netns.create(); Netns b = Netns.create()) {
            Netns.connect(node, "veth-a", "10.0.1.1/24", a, "veth-n", "10.0.1.2/24");
            Netns.connect(node, "veth-b", "10.0.2.1/24", b, "veth-n", "10.0.2.2/24");
            try (BirdProcess birdA = BirdProcess.start(birdConfig("10.0.1.2", "10.50.0.0/24"), a);
                 BirdProcess birdB = BirdProcess.start(birdConfig("10.0.2.2", "10.60.0.0/24"), b)) {
                BgpdProcess first = BgpdProcess.start(node, dir, yaml(20, true));
                awaitKernel(node, "10.50.0.0/24", first);
                awaitKernel(node, "10.60.0.0/24", first);

                try (KernelRouteWatch watch = KernelRouteWatch.start(node, "10.50.0.0/24")) {
                    assertEquals(25, new BirdControlSocket(socket()).send("graceful restart").code());
                    first.awaitExit();
                    birdB.kill9();
                    birdA.reconfigure(birdConfig("10.0.1.2", "10.50.0.0/24", "10.51.0.0/24"));

                    try (BgpdProcess second = BgpdProcess.start(node, dir, yaml(20, true))) {
                        awaitKernel(node, "10.51.0.0/24", second);
                        assertTrue(bgpPrefixes(node).contains("10.60.0.0/24"),
                                "the dead peer's route stays until the restart timer");
                        String status = new BirdControlSocket(socket()).send("show status").text();
                        Await.until("the dead peer's stale route removed", TIMEOUT,
                                () -> bgpPrefixes(node), p -> !p.contains("10.60.0.0/24"), () -> second.logTail(30));
                        assertEquals(List.of(), watch.misses(), "the live peer's route never left the kernel");
                        assertTrue(bgpPrefixes(node).containsAll(Set.of("10.50.0.0/24", "10.51.0.0/24")));
                        assertTrue(status.contains("Graceful restart recovery in progress")
                                || second.log().contains("initial convergence"), status);
                    }
                }
            }
        }
    }

    /** Issue 6, (2): bgpd as helper; BIRD is killed and restarted with -R. */
    @Test
    void aKilledBirdsRoutesStayInTheKernelAndAreRefreshedNotFlapped() {
        try (Netns node = node(); Netns a = Netns.create()) {
            Netns.connect(node, "veth-a", "10.0.1.1/24", a, "veth-n", "10.0.1.2/24");
            try (BirdProcess birdA = BirdProcess.start(birdConfig("10.0.1.2", "10.50.0.0/24"), a);
                 BgpdProcess bgpd = BgpdProcess.start(node, dir, yaml(30, false))) {
                awaitKernel(node, "10.50.0.0/24", bgpd);
                try (KernelRouteWatch watch = KernelRouteWatch.start(node, "10.50.0.0/24")) {
                    Await.until("the watch saw the route", TIMEOUT, () -> watch.samples() > 3);
                    birdA.kill9();
                    birdA.startGracefulRestart();
                    birdA.awaitEstablished("node", TIMEOUT);
                    birdA.reconfigure(birdConfig("10.0.1.2", "10.50.0.0/24", "10.51.0.0/24"));
                    awaitKernel(node, "10.51.0.0/24", bgpd);
                    assertEquals(List.of(), watch.misses(), "BIRD's route never left the kernel");
                }
            }
        }
    }
}
