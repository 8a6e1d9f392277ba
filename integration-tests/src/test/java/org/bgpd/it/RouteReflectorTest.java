package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.loop.RouteView;
import org.junit.jupiter.api.Test;

/**
 * bgpd as an RFC 4456 route reflector for three BIRD 2 clients in one AS, each advertising its
 * own /26 and three /32s from a static protocol: reflection with ORIGINATOR_ID and CLUSTER_LIST,
 * withdrawal, a client that dies, and two reflectors sharing a cluster id.
 */
class RouteReflectorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long AS = 65010;
    private static final String CLUSTER = "10.255.0.1";

    /** One BIRD client: its address (also its router id), port, and the prefixes it originates. */
    private record Client(int n, String address, int port) {
        static Client next(int n) {
            String a = LoopbackAddresses.nextIpv4();
            return new Client(n, a, TcpPorts.free(a));
        }

        String block() { return "10.77." + n + ".0/26"; }

        List<String> hosts() { return List.of("10.78." + n + ".1/32", "10.78." + n + ".2/32", "10.78." + n + ".3/32"); }

        List<String> prefixes() {
            List<String> all = new ArrayList<>(hosts());
            all.addFirst(block());
            return all;
        }

        /** BIRD config peered (passive) with each reflector; {@code hosts} are the /32s it originates. */
        BirdConfig config(List<Reflector> reflectors, List<String> hosts) {
            BirdStaticProtocol s = BirdStaticProtocol.ipv4("own").blackhole(block());
            for (String h : hosts) s = s.blackhole(h);
            BirdConfig.Builder b = BirdConfig.builder().routerId(address).staticProtocol(s);
            for (Reflector r : reflectors) {
                b.bgp(BirdBgpProtocol.builder("rr" + r.n).local(address, port, AS).neighbor(r.address, r.port, AS)
                        .passive().holdTime(9).channel(BirdChannel.ipv4().importAll().exportProtocol("own")));
            }
            return b.build();
        }
    }

    private record Reflector(int n, String address, int port) {
        static Reflector next(int n) {
            String a = LoopbackAddresses.nextIpv4();
            return new Reflector(n, a, TcpPorts.free(a));
        }

        /** bgpd YAML: every client an rr-client, the other reflectors plain iBGP peers. */
        String yaml(List<Client> clients, List<Reflector> others) {
            StringBuilder y = new StringBuilder("""
                    router-id: %s
                    local-as: %d
                    cluster-id: %s
                    listen: {address: "%s", port: %d}
                    peers:
                    """.formatted(address, AS, CLUSTER, address, port));
            for (Client c : clients) {
                y.append("""
                          - {name: c%d, address: "%s", port: %d, remote-as: %d, local-address: "%s", rr-client: true,
                             hold-time: 9, connect-retry-time: 1, import: all, export: all}
                        """.formatted(c.n, c.address, c.port, AS, address));
            }
            for (Reflector o : others) {
                if (o == this) continue;
                y.append("""
                          - {name: rr%d, address: "%s", port: %d, remote-as: %d, local-address: "%s",
                             hold-time: 9, connect-retry-time: 1, import: all, export: all}
                        """.formatted(o.n, o.address, o.port, AS, address));
            }
            return y.toString();
        }
    }

    private static List<Client> clients() {
        return List.of(Client.next(1), Client.next(2), Client.next(3));
    }

    private static BirdRoute awaitPaths(BirdProcess bird, String prefix, int paths) {
        List<BirdRoute> rs = Await.until("BIRD " + bird.config().routerId() + " has " + paths + " paths for " + prefix,
                TIMEOUT, () -> bird.routesFor(prefix), l -> l.size() == paths, bird::diagnostics);
        return rs.stream().filter(BirdRoute::primary).findFirst().orElseThrow();
    }

    private static void awaitGone(BirdProcess bird, String prefix) {
        Await.until("BIRD " + bird.config().routerId() + " lost " + prefix, TIMEOUT, () -> bird.routesFor(prefix),
                List::isEmpty, bird::diagnostics);
    }

    @Test
    void reflectsEveryClientsRoutesToTheOthersAndFollowsWithdrawalsAndDeaths() {
        List<Client> cs = clients();
        Reflector rr = Reflector.next(1);
        List<BirdProcess> birds = new ArrayList<>();
        try (BgpdInstance bgpd = BgpdInstance.start(rr.yaml(cs, List.of()))) {
            for (Client c : cs) birds.add(BirdProcess.start(c.config(List.of(rr), c.hosts())));
            for (Client c : cs) bgpd.awaitEstablished("c" + c.n, TIMEOUT);

            for (int i = 0; i < cs.size(); i++) {
                for (int j = 0; j < cs.size(); j++) {
                    if (i == j) continue;
                    for (String p : cs.get(j).prefixes()) {
                        BirdRoute r = awaitPaths(birds.get(i), p, 1);
                        assertEquals(cs.get(j).address(), r.attribute("BGP.originator_id"), p);
                        assertEquals(CLUSTER, r.attribute("BGP.cluster_list"), p);
                        assertEquals(cs.get(j).address(), r.bgpNextHop(), "iBGP reflection keeps the next hop");
                        assertEquals("", r.asPath());
                    }
                }
                // Never reflected back to the originator: its own routes are only its static ones.
                for (String p : cs.get(i).prefixes()) {
                    for (BirdRoute r : birds.get(i).routesFor(p)) assertEquals("own", r.protocol(), p);
                }
            }

            // Client 1 withdraws one /32: it disappears from the reflector and from the other clients.
            Client c1 = cs.get(0);
            String gone = c1.hosts().get(1);
            List<String> kept = new ArrayList<>(c1.hosts());
            kept.remove(gone);
            birds.get(0).reconfigure(c1.config(List.of(rr), kept));
            awaitGone(birds.get(1), gone);
            awaitGone(birds.get(2), gone);
            assertTrue(bgpd.routes(gone).isEmpty());
            awaitPaths(birds.get(1), kept.getFirst(), 1);

            // Client 3 dies: its routes leave the reflector and the other clients.
            birds.get(2).kill9();
            for (String p : cs.get(2).prefixes()) {
                awaitGone(birds.get(0), p);
                awaitGone(birds.get(1), p);
            }
            Await.until("bgpd flushed c3", TIMEOUT, () -> bgpd.routes(cs.get(2).block()), List::isEmpty);
            awaitPaths(birds.get(0), cs.get(1).block(), 1);
        } finally {
            birds.forEach(BirdProcess::close);
        }
    }

    @Test
    void twoReflectorsSharingAClusterIdDoNotLoop() {
        List<Client> cs = clients();
        Reflector a = Reflector.next(1);
        Reflector b = Reflector.next(2);
        List<Reflector> rrs = List.of(a, b);
        List<BirdProcess> birds = new ArrayList<>();
        try (BgpdInstance rrA = BgpdInstance.start(a.yaml(cs, rrs));
             BgpdInstance rrB = BgpdInstance.start(b.yaml(cs, rrs))) {
            for (Client c : cs) birds.add(BirdProcess.start(c.config(rrs, c.hosts())));
            rrA.awaitEstablished("rr2", TIMEOUT);
            rrB.awaitEstablished("rr1", TIMEOUT);

            // Each client sees every other client's routes twice, once from each reflector,
            // with our cluster id in the CLUSTER_LIST exactly once.
            for (int i = 0; i < cs.size(); i++) {
                for (int j = 0; j < cs.size(); j++) {
                    if (i == j) continue;
                    for (String p : cs.get(j).prefixes()) {
                        awaitPaths(birds.get(i), p, 2);
                        for (BirdRoute r : birds.get(i).routesFor(p)) {
                            assertEquals(CLUSTER, r.attribute("BGP.cluster_list"), p);
                            assertEquals(cs.get(j).address(), r.attribute("BGP.originator_id"), p);
                        }
                    }
                }
            }
            // Each reflector holds each route from its client only: the copy the other reflector
            // reflected carries our cluster id and is dropped (RFC 4456 §8).
            for (BgpdInstance rr : List.of(rrA, rrB)) {
                for (Client c : cs) {
                    for (String p : c.prefixes()) {
                        List<RouteView> rs = rr.routes(p);
                        assertEquals(1, rs.size(), p + ": " + rs);
                        assertEquals(c.address(), rs.getFirst().source().address().toString().replaceAll("/32$", ""), p);
                    }
                }
            }
        } finally {
            birds.forEach(BirdProcess::close);
        }
    }
}
