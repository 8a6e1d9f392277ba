package org.bgpd.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable; safe to share. Who runs where in the lab. Every speaker binds its own loopback
 * address (Linux routes all of 127.0.0.0/8 to {@code lo} without setup), so all of them share
 * one port number:
 * <ul>
 *   <li>{@code rr1}, the route reflector: 127.0.0.10, control socket {@code DIR/rr1.ctl};</li>
 *   <li>{@code nodeK} (K = 1..N): 127.0.0.(10+K), so node1 is {@code Node_127_0_0_11} on the
 *       reflector's socket; control socket {@code DIR/nodeK.ctl}. It originates the IPAM-style
 *       block 10.65.K.0/26 (blackhole) and the pod addresses 10.65.K.1/32 .. 10.65.K.3/32
 *       (next hop: the node).</li>
 * </ul>
 * 127.0.0.1 is left alone: it is where {@code config/examples/lab.yaml} and most local
 * services listen.
 */
public record LabPlan(int nodes, int port, Path dir, Dialect dialect) {
    public static final int MAX_NODES = 200;
    public static final int DEFAULT_NODES = 3;
    public static final int DEFAULT_PORT = 1179;
    /** Calico's default AS: every lab speaker is in it, so all sessions are iBGP. */
    public static final long AS = 64512;
    static final int POD_ROUTES = 3;

    /** The control sockets' dialect: {@code bird1} is what {@code calicoctl node status} parses. */
    public enum Dialect { BIRD1, BIRD2 }

    public LabPlan {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be 1.." + MAX_NODES + ", not " + nodes);
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--port must be 1..65535, not " + port);
    }

    public LabSpeaker reflector() {
        String address = "127.0.0.10";
        return new LabSpeaker("rr1", address, LabSpeaker.calicoName(address), dir.resolve("rr1.ctl"),
                dir.resolve("rr1.yaml"), List.of());
    }

    /** {@code k} from 1 to {@link #nodes}. */
    public LabSpeaker node(int k) {
        if (k < 1 || k > nodes) throw new IllegalArgumentException("no node " + k);
        String address = "127.0.0." + (10 + k);
        List<String> prefixes = new ArrayList<>();
        prefixes.add("10.65." + k + ".0/26");
        for (int i = 1; i <= POD_ROUTES; i++) prefixes.add("10.65." + k + "." + i + "/32");
        return new LabSpeaker("node" + k, address, LabSpeaker.calicoName(address), dir.resolve("node" + k + ".ctl"),
                dir.resolve("node" + k + ".yaml"), prefixes);
    }

    public List<LabSpeaker> nodeList() {
        List<LabSpeaker> out = new ArrayList<>(nodes);
        for (int k = 1; k <= nodes; k++) out.add(node(k));
        return out;
    }

    /** The reflector first, then the nodes. */
    public List<LabSpeaker> speakers() {
        List<LabSpeaker> out = new ArrayList<>(nodes + 1);
        out.add(reflector());
        out.addAll(nodeList());
        return out;
    }

    /** Routes every speaker holds once converged: every node's. */
    public int routeCount() {
        return nodes * (1 + POD_ROUTES);
    }
}
