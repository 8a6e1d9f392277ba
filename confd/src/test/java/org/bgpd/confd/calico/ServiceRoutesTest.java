package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ServiceRoutesTest {

    private static final ServiceRoutes.Ranges ALL = new ServiceRoutes.Ranges(
            List.of("10.101.0.0/16", "fd00:96::/112"), List.of("198.51.100.0/24", "203.0.113.7/32"),
            List.of("80.15.0.0/24", "80.16.0.9/32"));

    private static Set<String> routes(String yaml, ServiceRoutes.Ranges ranges) {
        return ServiceRoutes.derive(CalicoTreeTest.raw(yaml), "me", ranges);
    }

    private static String localService(String name, String extra) {
        return """
                kind: Service
                metadata: {name: %s}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, clusterIP: 10.101.0.1%s}
                """.formatted(name, extra);
    }

    private static final String ENDPOINTS_HERE = """
            ---
            kind: Endpoints
            metadata: {name: web}
            subsets: [{addresses: [{ip: 192.168.2.1, nodeName: me}]}]
            """;

    @Test
    void localPolicyWithAnEndpointHereAdvertisesTheClusterIp() {
        assertEquals(Set.of("10.101.0.1/32"), routes(localService("web", "") + ENDPOINTS_HERE, ALL));
    }

    @Test
    void clusterIpIsAdvertisedOnlyWhenClusterIpRangesAreConfigured() {
        ServiceRoutes.Ranges noCluster = new ServiceRoutes.Ranges(List.of(), ALL.externalIps(), ALL.loadBalancerIps());
        assertEquals(Set.of(), routes(localService("web", "") + ENDPOINTS_HERE, noCluster));
    }

    @Test
    void endpointsOnOtherNodesOrNotReadyDoNotCount() {
        String yaml = localService("web", "") + """
                ---
                kind: Endpoints
                metadata: {name: web}
                subsets: [{addresses: [{ip: 192.168.2.2, nodeName: other}],
                           notReadyAddresses: [{ip: 192.168.2.3, nodeName: me}]}]
                """;
        assertEquals(Set.of(), routes(yaml, ALL));
    }

    @Test
    void endpointSlicesMatchByServiceLabelNamespaceReadinessAndFamily() {
        String v6Service = """
                kind: Service
                metadata: {name: six}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, clusterIP: fd00:96::28}
                """;
        String v4SliceHere = """
                ---
                kind: EndpointSlice
                metadata: {name: six-abc, labels: {kubernetes.io/service-name: six}}
                addressType: IPv4
                endpoints: [{addresses: [192.168.2.1], nodeName: me}]
                """;
        assertEquals(Set.of(), routes(v6Service + v4SliceHere, ALL), "an IPv4 endpoint does not serve an IPv6 service");

        String v6SliceHere = """
                ---
                kind: EndpointSlice
                metadata: {name: six-def, labels: {kubernetes.io/service-name: six}}
                addressType: IPv6
                endpoints: [{addresses: ["fd5f:807a:4532::43"], nodeName: me}]
                """;
        assertEquals(Set.of("fd00:96::28/128"), routes(v6Service + v6SliceHere, ALL));

        String notReady = v6SliceHere.replace("nodeName: me}", "nodeName: me, conditions: {ready: false}}");
        assertEquals(Set.of(), routes(v6Service + notReady, ALL));

        String otherNamespace = v6SliceHere.replace("name: six-def,", "name: six-def, namespace: kube-system,");
        assertEquals(Set.of(), routes(v6Service + otherNamespace, ALL));

        String otherService = v6SliceHere.replace("service-name: six}", "service-name: seven}");
        assertEquals(Set.of(), routes(v6Service + otherService, ALL));
    }

    @Test
    void externalAndLoadBalancerIpsOnlyInsideTheirRanges() {
        String yaml = """
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, clusterIP: 10.101.0.1,
                       externalIPs: [198.51.100.5, 192.0.2.1]}
                status: {loadBalancer: {ingress: [{ip: 80.15.0.1}, {ip: 90.15.0.1}, {ip: 80.15.0.2/32}, {hostname: lb.example}]}}
                """ + ENDPOINTS_HERE;
        // 80.15.0.2/32 is not an address (Go's ParseIP refuses it), as in Calico's static-routes fixture.
        assertEquals(Set.of("10.101.0.1/32", "198.51.100.5/32", "80.15.0.1/32"), routes(yaml, ALL));
    }

    @Test
    void clusterPolicyIsAdvertisedEverywhereOnlyForSingleAddressRanges() {
        String single = """
                kind: Service
                metadata: {name: lb}
                spec: {type: LoadBalancer, clusterIP: 10.101.0.2}
                status: {loadBalancer: {ingress: [{ip: 80.16.0.9}]}}
                """;
        // No endpoint anywhere: the /32 range has no covering route, so every node announces it.
        assertEquals(Set.of("10.101.0.2/32", "80.16.0.9/32"), routes(single, ALL));

        String inWideRange = single.replace("80.16.0.9", "80.15.0.9");
        assertEquals(Set.of(), routes(inWideRange, ALL));

        String singleExternal = """
                kind: Service
                metadata: {name: ext}
                spec: {type: NodePort, externalTrafficPolicy: Cluster, clusterIP: 10.101.0.3, externalIPs: [203.0.113.7]}
                """;
        assertEquals(Set.of("10.101.0.3/32", "203.0.113.7/32"), routes(singleExternal, ALL));
    }

    @Test
    void headlessExternalNameAndClusterPolicyServicesAreNotAdvertised() {
        String headless = localService("web", "").replace("clusterIP: 10.101.0.1", "clusterIP: None") + ENDPOINTS_HERE;
        assertEquals(Set.of(), routes(headless, ALL));
        String externalName = localService("web", "").replace("type: LoadBalancer", "type: ExternalName") + ENDPOINTS_HERE;
        assertEquals(Set.of(), routes(externalName, ALL));
        String cluster = localService("web", "").replace("Local", "Cluster") + ENDPOINTS_HERE;
        assertEquals(Set.of(), routes(cluster, ALL));
    }

    @Test
    void treeAdvertisesServiceRoutesWithoutRejectingThem() {
        String yaml = """
                kind: Node
                metadata: {name: me}
                spec: {bgp: {ipv4Address: 10.192.0.2/16}}
                ---
                kind: BGPConfiguration
                metadata: {name: default}
                spec: {serviceClusterIPs: [{cidr: 10.101.0.0/16}]}
                ---
                """ + localService("web", "") + ENDPOINTS_HERE;
        SortedMap<String, String> tree = CalicoTree.derive(CalicoTreeTest.raw(yaml), "me");
        assertEquals("10.101.0.1/32", tree.get("/calico/staticroutes/10.101.0.1-32"));
        assertEquals("10.101.0.0/16", tree.get("/calico/rejectcidrs/10.101.0.0-16"));
        assertFalse(tree.containsKey("/calico/rejectcidrs/10.101.0.1-32"), "Felix may still program the /32");
        assertTrue(tree.keySet().stream().noneMatch(k -> k.startsWith(ServiceRoutes.PREFIX)), "raw objects stay out");

        String excluded = yaml.replace("metadata: {name: me}",
                "metadata: {name: me, labels: {node.kubernetes.io/exclude-from-external-load-balancers: 'true'}}");
        SortedMap<String, String> t2 = CalicoTree.derive(CalicoTreeTest.raw(excluded), "me");
        assertFalse(t2.containsKey("/calico/staticroutes/10.101.0.1-32"));
    }
}
