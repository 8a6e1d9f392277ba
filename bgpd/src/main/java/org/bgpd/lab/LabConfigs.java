package org.bgpd.lab;

import java.nio.file.Path;

/**
 * Stateless; safe to share. Writes the lab's daemon configurations as YAML text, the same files a user would write, so
 * {@code bgpd check --config DIR/rr1.yaml} and {@code bgpd run --config DIR/node1.yaml} work on
 * them. All sessions are iBGP (one AS), so no import or export policy is needed: RFC 8212's
 * defaults accept everything on iBGP (README, "Unset chains").
 */
final class LabConfigs {
    private LabConfigs() {}

    /** The reflector: every node is a passive RFC 4456 client, named as Calico names it. */
    static String reflector(LabPlan plan) {
        LabSpeaker rr = plan.reflector();
        StringBuilder y = header(plan, rr, "the route reflector; every node is its client (RFC 4456)");
        y.append("""
                templates:
                  node:
                    remote-as: %d
                    local-address: %s
                    port: %d
                    passive: true        # the nodes connect to us
                    rr-client: true
                peers:
                """.formatted(LabPlan.AS, rr.address(), plan.port()));
        for (LabSpeaker n : plan.nodeList()) {
            y.append("  - {name: ").append(n.peerName()).append(", template: node, address: ").append(n.address())
                    .append("}\n");
        }
        return y.toString();
    }

    /** Node {@code k}: its routes as static routes, one session to the reflector. */
    static String node(LabPlan plan, int k) {
        LabSpeaker n = plan.node(k);
        LabSpeaker rr = plan.reflector();
        StringBuilder y = header(plan, n, "a node client that originates its block and pod addresses");
        y.append("static-routes:\n");
        for (String p : n.prefixes()) {
            y.append("  - {prefix: ").append(p).append(p.endsWith("/32") ? ", next-hop: " + n.address() : ", blackhole: true")
                    .append("}\n");
        }
        y.append("""
                peers:
                  - name: %s
                    address: %s
                    remote-as: %d
                    local-address: %s
                    port: %d
                    connect-retry-time: 5
                """.formatted(rr.peerName(), rr.address(), LabPlan.AS, n.address(), plan.port()));
        return y.toString();
    }

    private static StringBuilder header(LabPlan plan, LabSpeaker s, String role) {
        StringBuilder y = new StringBuilder();
        y.append("# bgpd lab, ").append(s.name()).append(": ").append(role).append(".\n");
        y.append("# Written by `bgpd lab`; check it with `bgpd check --config ").append(s.config()).append("`.\n");
        y.append("router-id: ").append(s.address()).append('\n');
        y.append("local-as: ").append(LabPlan.AS).append('\n');
        y.append("listen: {address: ").append(s.address()).append(", port: ").append(plan.port()).append("}\n");
        y.append("control-sockets:\n");
        y.append("  - {path: ").append(quote(s.socket())).append(", dialect: ")
                .append(plan.dialect().name().toLowerCase(java.util.Locale.ROOT)).append("}\n");
        return y;
    }

    private static String quote(Path p) {
        return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
