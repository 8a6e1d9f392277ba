package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.ConfdInfo;
import org.bgpd.daemon.Daemon;
import org.bgpd.daemon.EmbeddedConfd;
import org.bgpd.fsm.State;
import org.bgpd.session.PeerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code confd:} section against a real etcd: Calico v3 resources (a BGPConfiguration and
 * Nodes on 127.0.0.x) are written to etcd, the daemon of node-1 renders its configuration from
 * them before it starts and peers with node-2 (an in-process bgpd with a fixed configuration).
 * node-3's Node resource appears and node-1 adds the mesh peer without touching the node-2
 * session; etcd is stopped and restarted and the renderer resumes without a reload; a Node with
 * an AS out of range renders a configuration that is refused while node-1 keeps running.
 */
class ConfdEtcdDaemonTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String NODES = "/calico/resources/v3/projectcalico.org/nodes/";

    @TempDir
    Path dir;

    /** A mesh template in the spirit of the shipped one, without kernel sync or fixed socket paths. */
    private static String template(int port, Path socket) {
        return """
                {%- set H = "/calico/bgp/v1/host/" ~ node -%}
                {%- set me = getv(H ~ "/ip_addr_v4") -%}
                {%- set globalAs = getv("/calico/bgp/v1/global/as_num", "64512") -%}
                router-id: {{ me }}  # a newline right after a tag is dropped, so lines end in text
                local-as: {{ getv(H ~ "/as_num", globalAs) }}  # the node's AS, else the global one
                listen: {address: {{ me }}, port: PORT}
                control-sockets: [{path: "SOCKET"}]
                peers: [
                {% for host in lsdir("/calico/bgp/v1/host") %}
                {% set ip = getv("/calico/bgp/v1/host/" ~ host ~ "/ip_addr_v4", "") %}
                {% if ip != "" and ip != me %}
                  {name: {{ protocolName("Mesh_", ip) }}, address: {{ ip }}, port: PORT, local-address: {{ me }}, remote-as: {{ getv("/calico/bgp/v1/host/" ~ host ~ "/as_num", globalAs) }}, hold-time: 9, connect-retry-time: 1{% if greater(ip, me) %}, passive: true{% endif %}},
                {% endif %}
                {% endfor %}
                ]
                """.replace("PORT", Integer.toString(port)).replace("SOCKET", socket.toString());
    }

    private static String node(String name, String ip, String extraBgp) {
        return "{\"kind\":\"Node\",\"apiVersion\":\"projectcalico.org/v3\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"bgp\":{\"ipv4Address\":\"" + ip + "/32\"" + extraBgp + "}}}";
    }

    /** node-2 and node-3 run fixed configurations: the mesh as Calico's templates would render it for them. */
    private static String staticNode(String me, int port, String... others) {
        StringBuilder peers = new StringBuilder();
        for (String ip : others) {
            peers.append("""
                      - name: Mesh_%s
                        address: %s
                        port: %d
                        local-address: %s
                        remote-as: 64512
                        hold-time: 9
                        connect-retry-time: 1
                        passive: %s
                    """.formatted(ip.replace('.', '_'), ip, port, me, ip.compareTo(me) > 0));
        }
        return """
                router-id: %s
                local-as: 64512
                listen: {address: %s, port: %d}
                peers:
                %s""".formatted(me, me, port, peers);
    }

    private static State state(Daemon d, String peer) {
        PeerSession s = d.session(peer);
        return s == null ? null : s.snapshot().state();
    }

    private static void awaitEstablished(Daemon d, String peer) {
        Await.until(peer + " Established", TIMEOUT, () -> state(d, peer) == State.ESTABLISHED);
    }

    @Test
    void rendersFromEtcdPeersAddsANodeSurvivesAnEtcdRestartAndRefusesAnInvalidNode() throws Exception {
        String ip1 = LoopbackAddresses.nextIpv4();
        String ip2 = LoopbackAddresses.nextIpv4();
        String ip3 = LoopbackAddresses.nextIpv4();
        int port = TcpPorts.free(ip1);
        String mesh2 = "Mesh_" + ip2.replace('.', '_');
        String mesh3 = "Mesh_" + ip3.replace('.', '_');

        try (EtcdServer etcd = new EtcdServer(dir)) {
            etcd.start();
            etcd.put("/calico/resources/v3/projectcalico.org/bgpconfigurations/default",
                    "{\"kind\":\"BGPConfiguration\",\"apiVersion\":\"projectcalico.org/v3\",\"metadata\":{\"name\":\"default\"},"
                            + "\"spec\":{\"asNumber\":64512,\"nodeToNodeMeshEnabled\":true}}");
            etcd.put(NODES + "node-1", node("node-1", ip1, ""));
            etcd.put(NODES + "node-2", node("node-2", ip2, ""));

            Path confdir = dir.resolve("confd");
            Files.createDirectories(confdir.resolve("conf.d"));
            Files.createDirectories(confdir.resolve("templates"));
            Files.writeString(confdir.resolve("conf.d/bgpd.yaml"),
                    "src: bgpd.yaml.peb\ndest: /unused\nkeys: [/calico/bgp/v1]\n");
            Files.writeString(confdir.resolve("templates/bgpd.yaml.peb"), template(port, dir.resolve("bgpd.ctl")));
            Path file = dir.resolve("bgpd.yaml");
            Files.writeString(file, """
                    router-id: 10.255.255.1
                    local-as: 64512
                    confd:
                      backend: etcd
                      etcd: {endpoints: [%s]}
                      confdir: %s
                      node: node-1
                      debounce-ms: 50
                    """.formatted(etcd.endpoint(), confdir));
            DaemonConfig seed = ((LoadResult.Loaded) ConfigLoader.load(file)).config();

            // The renderer produces the configuration; the daemon starts from it.
            DaemonConfig rendered = EmbeddedConfd.firstRender(seed, file);
            assertEquals(ip1, rendered.routerId().toString());
            assertNotNull(rendered.peer(mesh2));
            assertEquals(seed.confd(), rendered.confd());

            try (BgpdInstance node2 = BgpdInstance.start(staticNode(ip2, port, ip1, ip3));
                 BgpdInstance node3 = BgpdInstance.start(staticNode(ip3, port, ip1, ip2))) {
                Daemon node1 = new Daemon(rendered, file);
                try {
                    node1.start();
                    EmbeddedConfd confd = node1.confd();
                    assertNotNull(confd);
                    awaitEstablished(node1, mesh2);
                    Await.until("the first watched render", TIMEOUT, () -> confd.info().lastRender() != null);
                    assertEquals(0, confd.reloads(), "the file already held the first rendering");
                    PeerSession session2 = node1.session(mesh2);
                    Instant since2 = session2.snapshot().since();

                    // A new node: a new mesh peer, the existing session untouched.
                    etcd.put(NODES + "node-3", node("node-3", ip3, ""));
                    Await.until("node-1 configured with " + mesh3, TIMEOUT, () -> node1.config().peer(mesh3) != null);
                    awaitEstablished(node1, mesh3);
                    assertEquals(1, confd.reloads());
                    assertSame(session2, node1.session(mesh2));
                    assertEquals(since2, node1.session(mesh2).snapshot().since());
                    assertEquals(State.ESTABLISHED, state(node1, mesh2));
                    long revision = confd.info().revision();

                    // etcd goes away and comes back: the watch resumes from its revision, nothing is re-applied.
                    etcd.stop();
                    Await.until("confd sees etcd down", TIMEOUT, () -> !confd.info().connected());
                    etcd.start();
                    Await.until("confd reconnected", TIMEOUT, () -> confd.info().connected());

                    // An AS out of range in a Node resource renders an invalid configuration: refused.
                    DaemonConfig before = node1.config();
                    String fileBefore = Files.readString(file);
                    etcd.put(NODES + "node-3", node("node-3", ip3, ",\"asNumber\":4294967296"));
                    Await.until("the refusal", TIMEOUT,
                            () -> confd.info().lastError() != null && confd.info().lastError().contains("4294967296"));
                    ConfdInfo info = confd.info();
                    assertTrue(info.revision() > revision, "the change after the restart was seen: " + info);
                    assertEquals(1, confd.reloads(), "no reload after the etcd restart, none for the refused rendering");
                    assertSame(before, node1.config());
                    assertEquals(fileBefore, Files.readString(file));
                    assertSame(session2, node1.session(mesh2));
                    assertEquals(State.ESTABLISHED, state(node1, mesh2));
                    assertEquals(State.ESTABLISHED, state(node1, mesh3));
                    assertFalse(Files.readString(file).contains("4294967296"));
                } finally {
                    node1.close();
                }
            }
        }
    }
}
