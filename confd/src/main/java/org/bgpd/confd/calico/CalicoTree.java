package org.bgpd.confd.calico;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Derives Calico's v1 key tree ({@code /calico/bgp/v1/...}, {@code /calico/v1/ipam/...},
 * {@code /calico/staticroutes...}, {@code /calico/rejectcidrs...}) from v3 resources stored under
 * {@code /calico/resources/v3/projectcalico.org/}, as Calico's confd (client.go and the BGP node
 * update processor) synthesises it. Keys that are not v3 Node, BGPConfiguration, BGPPeer or
 * IPPool resources pass through, so a literal v1 tree is returned unchanged (plus confd's global
 * defaults); pending IPAM block affinities are dropped as confd drops them. Kubernetes Services
 * and their endpoints ({@link ServiceRoutes}) and Felix's endpoint-status files
 * ({@link LocalWorkloadPeers}) are consumed here and never passed through.
 * Stateless; safe to share.
 */
public final class CalicoTree {

    public static final String RESOURCES = "/calico/resources/v3/projectcalico.org/";
    static final String NODES = RESOURCES + "nodes/";
    static final String BGP_CONFIGS = RESOURCES + "bgpconfigurations/";
    static final String BGP_PEERS = RESOURCES + "bgppeers/";
    static final String IP_POOLS = RESOURCES + "ippools/";
    private static final String GLOBAL = "/calico/bgp/v1/global/";
    private static final String HOST = "/calico/bgp/v1/host/";
    private static final String EXCLUDE_LB = "node.kubernetes.io/exclude-from-external-load-balancers";

    private CalicoTree() {}

    public static SortedMap<String, String> derive(SortedMap<String, String> raw) {
        return derive(raw, null);
    }

    /**
     * @param localNode this node's name, or null: for the label that excludes a node from
     *     advertising services (it still gets their reject routes), the endpoints that count as
     *     local for per-Service routes, and the node of node-specific local workload peers.
     */
    public static SortedMap<String, String> derive(SortedMap<String, String> raw, String localNode) {
        SortedMap<String, String> out = new TreeMap<>();
        SortedMap<String, Map<String, Object>> nodeRes = new TreeMap<>();
        SortedMap<String, Map<String, Object>> configs = new TreeMap<>();
        SortedMap<String, Map<String, Object>> peers = new TreeMap<>();
        SortedMap<String, Map<String, Object>> pools = new TreeMap<>();
        Map<String, Map<String, String>> secrets = new HashMap<>();
        SortedMap<String, String> kubernetes = new TreeMap<>();
        SortedMap<String, Map<String, Object>> endpointStatuses = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String k = e.getKey();
            if (collect(k, NODES, e.getValue(), nodeRes) || collect(k, BGP_CONFIGS, e.getValue(), configs)
                    || collect(k, BGP_PEERS, e.getValue(), peers) || collect(k, IP_POOLS, e.getValue(), pools)) {
                continue;
            }
            if (k.startsWith(Secrets.PREFIX)) {
                secrets.put(k.substring(Secrets.PREFIX.length()),
                        Fields.strings(orEmpty(Json.parseObject(e.getValue()))));
                continue;
            }
            if (k.startsWith(ServiceRoutes.PREFIX)) {
                kubernetes.put(k, e.getValue());
                continue;
            }
            if (collect(k, LocalWorkloadPeers.PREFIX, e.getValue(), endpointStatuses)) {
                continue;
            }
            if (isPendingAffinity(k, e.getValue())) {
                continue;
            }
            out.put(k, e.getValue());
        }
        Secrets secretStore = new Secrets(secrets);

        SortedMap<String, CalicoNode> nodes = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> e : nodeRes.entrySet()) {
            CalicoNode n = CalicoNode.from(e.getKey(), e.getValue());
            nodes.put(n.name(), n);
            String base = HOST + n.name() + "/";
            out.put(base + "ip_addr_v4", n.ipv4());
            out.put(base + "ip_addr_v6", n.ipv6());
            putIfSet(out, base + "network_v4", n.network4());
            putIfSet(out, base + "network_v6", n.network6());
            putIfSet(out, base + "as_num", n.asNumber());
            out.put(base + "rr_cluster_id", n.rrClusterId());
        }

        Map<String, Object> global = configs.getOrDefault("default", Map.of());
        globalConfig(global, secretStore, out);
        Map<String, Integer> nodePorts = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : configs.entrySet()) {
            if (e.getKey().startsWith("node.")) {
                String node = e.getKey().substring("node.".length());
                nodeConfig(node, e.getValue(), out);
                int port = port(e.getValue());
                if (port != 0) {
                    nodePorts.put(node, port);
                }
            }
        }
        CalicoNode self = localNode == null ? null : nodes.get(localNode);
        boolean advertise = self == null || !"true".equals(self.labels().get(EXCLUDE_LB));
        serviceRoutes(global, advertise, out);
        if (advertise && localNode != null) {
            ServiceRoutes.Ranges ranges = new ServiceRoutes.Ranges(cidrs(global, "serviceClusterIPs"),
                    cidrs(global, "serviceExternalIPs"), cidrs(global, "serviceLoadBalancerIPs"));
            for (String route : ServiceRoutes.derive(kubernetes, localNode, ranges)) {
                // Advertised only: unlike the ranges, a service's own address is not a reject CIDR.
                out.put("/calico/staticroutes" + (Cidrs.isV6(route) ? "v6" : "") + "/" + Cidrs.dashed(route), route);
            }
        }
        for (Map<String, Object> pool : pools.values()) {
            pool(pool, out);
        }

        String globalAs = out.getOrDefault(GLOBAL + "as_num", "64512");
        out.putAll(new PeerDerivation(nodes, globalAs, port(global), nodePorts, secretStore)
                .derive(peers, LocalWorkloadPeers.active(endpointStatuses), localNode));

        out.putIfAbsent(GLOBAL + "as_num", "64512");
        out.putIfAbsent(GLOBAL + "node_mesh", "{\"enabled\": true}");
        out.putIfAbsent(GLOBAL + "loglevel", "info");
        return out;
    }

    private static void globalConfig(Map<String, Object> cfg, Secrets secrets, SortedMap<String, String> out) {
        putIfSet(out, GLOBAL + "as_num", Fields.string(cfg, "spec", "asNumber"));
        if (Fields.present(cfg, "spec", "nodeToNodeMeshEnabled")) {
            out.put(GLOBAL + "node_mesh", Fields.bool(cfg, "spec", "nodeToNodeMeshEnabled")
                    ? "{\"enabled\":true}" : "{\"enabled\":false}");
        }
        putIfSet(out, GLOBAL + "loglevel", logLevel(cfg));
        putIfSet(out, GLOBAL + "listen_port", port(cfg) == 0 ? "" : Integer.toString(port(cfg)));
        putIfSet(out, GLOBAL + "bind_mode", Fields.string(cfg, "spec", "bindMode"));
        if (Fields.present(cfg, "spec", "ignoredInterfaces")) {
            out.put(GLOBAL + "ignored_interfaces", String.join(",", Fields.stringList(cfg, "spec", "ignoredInterfaces")));
        }
        putIfSet(out, GLOBAL + "svc_external_ips", String.join(",", cidrs(cfg, "serviceExternalIPs")));
        putIfSet(out, GLOBAL + "svc_cluster_ips", String.join(",", cidrs(cfg, "serviceClusterIPs")));
        putIfSet(out, GLOBAL + "svc_loadbalancer_ips", String.join(",", cidrs(cfg, "serviceLoadBalancerIPs")));
        if (Fields.present(cfg, "spec", "nodeMeshMaxRestartTime")) {
            out.put(GLOBAL + "node_mesh_restart_time",
                    Long.toString(GoDuration.seconds(Fields.string(cfg, "spec", "nodeMeshMaxRestartTime"))));
        }
        String meshPassword = secrets.lookup(Fields.object(cfg, "spec", "nodeMeshPassword", "secretKeyRef"));
        if (meshPassword != null) {
            out.put(GLOBAL + "node_mesh_password", meshPassword);
        }
        prefixAdvertisements(cfg, GLOBAL, out);
    }

    private static void nodeConfig(String node, Map<String, Object> cfg, SortedMap<String, String> out) {
        String base = HOST + node + "/";
        putIfSet(out, base + "listen_port", port(cfg) == 0 ? "" : Integer.toString(port(cfg)));
        putIfSet(out, base + "loglevel", logLevel(cfg));
        prefixAdvertisements(cfg, base, out);
    }

    /** Debug and info pass; every other severity means no BIRD-style logging ("none"). */
    private static String logLevel(Map<String, Object> cfg) {
        String l = Fields.string(cfg, "spec", "logSeverityScreen").toLowerCase(java.util.Locale.ROOT);
        return l.isEmpty() ? "" : l.equals("debug") || l.equals("info") ? l : "none";
    }

    private static int port(Map<String, Object> cfg) {
        try {
            String p = Fields.string(cfg, "spec", "listenPort");
            return p.isEmpty() ? 0 : Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void prefixAdvertisements(Map<String, Object> cfg, String base, SortedMap<String, String> out) {
        if (!Fields.present(cfg, "spec", "prefixAdvertisements")) {
            return;
        }
        Map<String, String> named = new HashMap<>();
        for (Object o : Fields.list(cfg, "spec", "communities")) {
            if (o instanceof Map<?, ?> m) {
                named.putIfAbsent(String.valueOf(m.get("name")), String.valueOf(m.get("value")));
            }
        }
        List<Object> v4 = new ArrayList<>();
        List<Object> v6 = new ArrayList<>();
        for (Object o : Fields.list(cfg, "spec", "prefixAdvertisements")) {
            if (!(o instanceof Map<?, ?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> adv = (Map<String, Object>) o;
            String cidr = Fields.string(adv, "cidr");
            TreeMap<String, Boolean> communities = new TreeMap<>();
            for (String c : Fields.stringList(adv, "communities")) {
                String value = c.matches("\\d+:\\d+(:\\d+)?") ? c : named.get(c);
                if (value != null) {
                    communities.put(value, true);
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cidr", cidr);
            entry.put("communities", new ArrayList<>(communities.keySet()));
            (Cidrs.isV6(cidr) ? v6 : v4).add(entry);
        }
        out.put(base + "prefix_advertisements/ip_v4", v4.isEmpty() ? "null" : Json.write(v4));
        out.put(base + "prefix_advertisements/ip_v6", v6.isEmpty() ? "null" : Json.write(v6));
    }

    /** Service ranges become static routes to advertise and CIDRs never to program (client.go). */
    private static void serviceRoutes(Map<String, Object> cfg, boolean advertise, SortedMap<String, String> out) {
        List<String> all = new ArrayList<>(cidrs(cfg, "serviceClusterIPs"));
        all.addAll(cidrs(cfg, "serviceExternalIPs"));
        for (String lb : cidrs(cfg, "serviceLoadBalancerIPs")) {
            // Single load-balancer addresses are advertised per service, never as a global range.
            if (!lb.endsWith(Cidrs.isV6(lb) ? "/128" : "/32")) {
                all.add(lb);
            }
        }
        for (String cidr : all) {
            String v6 = Cidrs.isV6(cidr) ? "v6" : "";
            out.put("/calico/rejectcidrs" + v6 + "/" + Cidrs.dashed(cidr), cidr);
            if (advertise) {
                out.put("/calico/staticroutes" + v6 + "/" + Cidrs.dashed(cidr), cidr);
            }
        }
    }

    private static List<String> cidrs(Map<String, Object> cfg, String field) {
        List<String> result = new ArrayList<>();
        for (Object o : Fields.list(cfg, "spec", field)) {
            if (o instanceof Map<?, ?> m && m.get("cidr") != null && !String.valueOf(m.get("cidr")).isEmpty()) {
                result.add(String.valueOf(m.get("cidr")));
            }
        }
        return result;
    }

    private static void pool(Map<String, Object> res, SortedMap<String, String> out) {
        String cidr = Cidrs.canonical(Fields.string(res, "spec", "cidr"));
        if (cidr.isEmpty()) {
            return;
        }
        String ipip = encapMode(Fields.string(res, "spec", "ipipMode"));
        boolean disabled = Fields.bool(res, "spec", "disabled");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cidr", cidr);
        v.put("ipip", ipip.isEmpty() ? "" : "tunl0");
        v.put("ipip_mode", ipip);
        v.put("vxlan_mode", encapMode(Fields.string(res, "spec", "vxlanMode")));
        v.put("masquerade", Fields.bool(res, "spec", "natOutgoing"));
        v.put("ipam", !disabled);
        v.put("disabled", disabled);
        v.put("disableBGPExport", Fields.bool(res, "spec", "disableBGPExport"));
        String assignment = Fields.string(res, "spec", "assignmentMode");
        v.put("assignment_mode", assignment.isEmpty() ? "Automatic" : assignment);
        out.put("/calico/v1/ipam/" + (Cidrs.isV6(cidr) ? "v6" : "v4") + "/pool/" + Cidrs.dashed(cidr), Json.write(v));
    }

    private static String encapMode(String v3) {
        return switch (v3) {
            case "Always" -> "always";
            case "CrossSubnet" -> "cross-subnet";
            default -> "";
        };
    }

    private static boolean isPendingAffinity(String key, String value) {
        if (!key.startsWith("/calico/ipam/v2/host/") || !key.contains("/block/")) {
            return false;
        }
        Map<String, Object> aff = Json.parseObject(value);
        return aff != null && "pending".equals(Fields.string(aff, "state"));
    }

    private static boolean collect(String key, String prefix, String value,
                                   SortedMap<String, Map<String, Object>> into) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        Map<String, Object> res = Json.parseObject(value);
        if (res != null) {
            into.put(key.substring(prefix.length()), res);
        }
        return true;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }

    private static void putIfSet(SortedMap<String, String> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
