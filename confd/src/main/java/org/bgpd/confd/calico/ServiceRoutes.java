package org.bgpd.confd.calico;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The per-Service host routes ({@code /32}, {@code /128}) one node advertises, derived from
 * Kubernetes Services, Endpoints and EndpointSlices the way Calico's confd route generator
 * (routes.go) does: a Service of type ClusterIP, NodePort or LoadBalancer with a cluster IP is
 * advertised when its {@code externalTrafficPolicy} is {@code Local} and this node hosts one of
 * its ready endpoints of the cluster IP's family, or (policy {@code Cluster}) when one of its
 * external or load-balancer IPs falls in a single-address range of the BGPConfiguration. It then
 * contributes its cluster IP (when cluster IPs are advertised at all), its external IPs inside
 * {@code serviceExternalIPs} and its {@code status.loadBalancer.ingress} IPs inside
 * {@code serviceLoadBalancerIPs}. The ranges themselves are advertised by every node and are not
 * derived here.
 * <p>
 * In the raw key tree the objects are bgpd's own layout, {@code /bgpd/kubernetes/<kind>/<namespace>/<name>}
 * = the object as JSON ({@link CalicoResourceFolder} writes them from kubectl YAML). Calico keeps
 * no Services in etcd, so with the etcd backend there is no Service source and only the ranges are
 * advertised.
 * Stateless; safe to share.
 */
final class ServiceRoutes {

    static final String PREFIX = "/bgpd/kubernetes/";
    static final String SERVICES = PREFIX + "services/";
    static final String ENDPOINTS = PREFIX + "endpoints/";
    static final String ENDPOINT_SLICES = PREFIX + "endpointslices/";
    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    /** The BGPConfiguration's service ranges, as CIDR text. */
    record Ranges(List<String> clusterIps, List<String> externalIps, List<String> loadBalancerIps) {}

    private ServiceRoutes() {}

    /**
     * @param objects the raw {@code /bgpd/kubernetes/...} keys (others are ignored)
     * @param node the Kubernetes node name whose endpoints count as local
     * @return the host routes to advertise, as {@code ip/32} or {@code ip/128}, sorted
     */
    static SortedSet<String> derive(SortedMap<String, String> objects, String node, Ranges ranges) {
        SortedSet<String> routes = new TreeSet<>();
        for (Map.Entry<String, String> e : objects.subMap(SERVICES, SERVICES + Character.MAX_VALUE).entrySet()) {
            Map<String, Object> svc = Json.parseObject(e.getValue());
            String id = e.getKey().substring(SERVICES.length());
            if (svc != null && advertised(svc, id, objects, node, ranges)) {
                routes.addAll(routesOf(svc, ranges));
            }
        }
        return routes;
    }

    private static boolean advertised(Map<String, Object> svc, String id, SortedMap<String, String> objects,
                                      String node, Ranges ranges) {
        String type = Fields.string(svc, "spec", "type");
        if (type.isEmpty()) {
            type = "ClusterIP"; // the API server's default
        }
        if (!type.equals("ClusterIP") && !type.equals("NodePort") && !type.equals("LoadBalancer")) {
            return false;
        }
        String clusterIp = Fields.string(svc, "spec", "clusterIP");
        if (clusterIp.isEmpty() || clusterIp.equals("None")) {
            return false;
        }
        String policy = Fields.string(svc, "spec", "externalTrafficPolicy");
        if (policy.isEmpty() && !type.equals("ClusterIP")) {
            policy = "Cluster"; // the API server's default for NodePort and LoadBalancer
        }
        if (policy.equals("Cluster")) {
            // A single address (/32, /128 range) has no covering range route, so every node
            // advertises it whatever its endpoints.
            if (type.equals("LoadBalancer")) {
                if (inSingle(Fields.string(svc, "spec", "loadBalancerIP"), ranges.loadBalancerIps())) {
                    return true;
                }
                for (String ip : ingressIps(svc)) {
                    if (inSingle(ip, ranges.loadBalancerIps())) {
                        return true;
                    }
                }
            }
            for (String ip : Fields.stringList(svc, "spec", "externalIPs")) {
                if (inSingle(ip, ranges.externalIps())) {
                    return true;
                }
            }
        }
        return policy.equals("Local") && hasLocalEndpoint(id, objects, node, Cidrs.isV6(clusterIp));
    }

    /** Ready endpoints on {@code node} of the service's family, from Endpoints or EndpointSlices. */
    private static boolean hasLocalEndpoint(String id, SortedMap<String, String> objects, String node, boolean v6) {
        Map<String, Object> ep = Json.parseObject(objects.get(ENDPOINTS + id));
        if (ep != null) {
            // Only "addresses" are ready; "notReadyAddresses" never count.
            for (Map<String, Object> subset : maps(Fields.list(ep, "subsets"))) {
                for (Map<String, Object> a : maps(Fields.list(subset, "addresses"))) {
                    if (node.equals(Fields.string(a, "nodeName")) && Cidrs.isV6(Fields.string(a, "ip")) == v6) {
                        return true;
                    }
                }
            }
        }
        int slash = id.indexOf('/');
        String namespacePrefix = ENDPOINT_SLICES + id.substring(0, slash + 1);
        String service = id.substring(slash + 1);
        for (String value : objects.subMap(namespacePrefix, namespacePrefix + Character.MAX_VALUE).values()) {
            Map<String, Object> slice = Json.parseObject(value);
            if (slice == null || !service.equals(Fields.strings(slice, "metadata", "labels").get(SERVICE_NAME_LABEL))) {
                continue;
            }
            for (Map<String, Object> endpoint : maps(Fields.list(slice, "endpoints"))) {
                // conditions.ready absent means ready (discovery.k8s.io/v1).
                if (!node.equals(Fields.string(endpoint, "nodeName"))
                        || "false".equals(Fields.string(endpoint, "conditions", "ready"))) {
                    continue;
                }
                for (String address : Fields.stringList(endpoint, "addresses")) {
                    if (Cidrs.isV6(address) == v6) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> routesOf(Map<String, Object> svc, Ranges ranges) {
        List<String> routes = new ArrayList<>();
        if (!ranges.clusterIps().isEmpty()) {
            hostRoute(Fields.string(svc, "spec", "clusterIP"), routes);
        }
        for (String ip : Fields.stringList(svc, "spec", "externalIPs")) {
            if (in(ip, ranges.externalIps())) {
                hostRoute(ip, routes);
            }
        }
        for (String ip : ingressIps(svc)) {
            if (in(ip, ranges.loadBalancerIps())) {
                hostRoute(ip, routes);
            }
        }
        return routes;
    }

    private static List<String> ingressIps(Map<String, Object> svc) {
        List<String> ips = new ArrayList<>();
        for (Map<String, Object> ingress : maps(Fields.list(svc, "status", "loadBalancer", "ingress"))) {
            String ip = Fields.string(ingress, "ip");
            if (!ip.isEmpty()) {
                ips.add(ip);
            }
        }
        return ips;
    }

    private static void hostRoute(String ip, List<String> routes) {
        String a = ip.indexOf('/') < 0 ? Cidrs.address(ip) : "";
        if (!a.isEmpty()) {
            routes.add(a + (Cidrs.isV6(a) ? "/128" : "/32"));
        }
    }

    private static boolean in(String ip, List<String> cidrs) {
        return in(ip, cidrs, false);
    }

    private static boolean inSingle(String ip, List<String> cidrs) {
        return in(ip, cidrs, true);
    }

    /**
     * Whether a bare address is inside one of the ranges ({@code singleOnly}: a range of one
     * address). {@code a/len} is refused, as Go's net.ParseIP refuses it.
     */
    private static boolean in(String ip, List<String> cidrs, boolean singleOnly) {
        byte[] addr = ip.indexOf('/') < 0 ? Cidrs.bytes(ip.trim()) : null;
        if (addr == null) {
            return false;
        }
        for (String cidr : cidrs) {
            int len = contains(cidr, addr);
            if (len >= 0 && (!singleOnly || len == addr.length * 8)) {
                return true;
            }
        }
        return false;
    }

    /** The prefix length of {@code cidr} when it contains {@code addr}, else -1. */
    private static int contains(String cidr, byte[] addr) {
        String network = Cidrs.network(cidr);
        if (network.isEmpty()) {
            return -1;
        }
        int slash = network.indexOf('/');
        byte[] net = Cidrs.bytes(network.substring(0, slash));
        int len = Integer.parseInt(network.substring(slash + 1));
        if (net == null || net.length != addr.length) {
            return -1;
        }
        for (int bit = 0; bit < len; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (addr[bit / 8] & mask)) {
                return -1;
            }
        }
        return len;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(List<Object> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }
}
