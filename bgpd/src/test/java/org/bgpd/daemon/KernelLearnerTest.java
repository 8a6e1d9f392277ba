package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.sync.KernelSnapshot;
import org.bgpd.fib.sync.Reconciliation;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

/** Kernel routes to RIB originations, with the learn section of config/examples/node.yaml. */
class KernelLearnerTest {
    private final List<String> events = new ArrayList<>();
    private final Map<Prefix, KernelFacts> learnedFacts = new java.util.HashMap<>();
    private final KernelLearner learner = new KernelLearner(KernelSync.learnFilter(KernelExportPathTest.load("""
            router-id: 10.0.0.21
            local-as: 64512
            kernel:
              learn:
                interfaces: ["cali*"]
                types: [unicast, blackhole]
                protocols: [boot, 80]
            """).kernel()), new KernelLearner.Target() {
        @Override
        public void originate(Prefix p, KernelFacts facts) {
            events.add("+" + p);
            learnedFacts.put(p, facts);
        }

        @Override
        public void unoriginate(Prefix p) { events.add("-" + p); }

        @Override
        public void linkChanged(KernelLink link, boolean removed) { events.add("link " + link.name()); }

        @Override
        public void retryExport() { events.add("retry"); }
    });

    private static KernelRoute dev(String prefix, int proto, String ifname, int metric) {
        return new KernelRoute(Prefix.parse(prefix), 254, proto, RouteType.UNICAST, metric, KernelRoute.SCOPE_LINK, 0,
                List.of(KernelNextHop.dev(5, ifname)));
    }

    private static KernelRoute blackhole(String prefix, int proto) {
        return new KernelRoute(Prefix.parse(prefix), 254, proto, RouteType.BLACKHOLE, 0, 0, 0, List.of());
    }

    @Test
    void felixRoutesAreLearnedAndOthersAreNot() {
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali123", 0));    // proto boot
        learner.routeAdded(blackhole("10.244.1.0/26", 80));           // Calico IPAM block
        learner.routeAdded(dev("10.244.1.6/32", 3, "eth0", 0));       // wrong interface
        learner.routeAdded(dev("10.244.1.7/32", 4, "cali9", 0));      // proto static
        learner.routeAdded(blackhole("10.244.2.0/26", 186));          // our own
        learner.routeAdded(new KernelRoute(Prefix.parse("10.50.0.0/24"), 254, 3, RouteType.UNICAST, 0, 0, 0,
                List.of(KernelNextHop.via(NextHop.parse("192.168.1.1")))));
        assertEquals(List.of("+10.244.1.5/32", "+10.244.1.0/26"), events);
        assertEquals(2, learner.learnedPrefixes());

        learner.routeRemoved(dev("10.244.1.5/32", 3, "cali123", 0));
        learner.routeRemoved(dev("10.244.1.7/32", 4, "cali9", 0));
        assertEquals("-10.244.1.5/32", events.getLast());
        assertEquals(3, events.size());
    }

    @Test
    void aPrefixStaysWhileAnyLearnedRouteOfItRemains() {
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali1", 0));
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali1", 100));
        learner.routeRemoved(dev("10.244.1.5/32", 3, "cali1", 0));
        assertEquals(List.of("+10.244.1.5/32"), events);
        learner.routeRemoved(dev("10.244.1.5/32", 3, "cali1", 100));
        assertEquals(List.of("+10.244.1.5/32", "-10.244.1.5/32"), events);
    }

    @Test
    void aRouteThatStopsQualifyingIsWithdrawn() {
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali1", 0));
        learner.routeAdded(dev("10.244.1.5/32", 3, "eth1", 0)); // same key, moved off cali*
        assertEquals(List.of("+10.244.1.5/32", "-10.244.1.5/32"), events);
    }

    @Test
    void resyncAppliesOnlyTheDifferencesAndAsksForAnExportRetry() {
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali1", 0));
        learner.routeAdded(dev("10.244.1.6/32", 3, "cali2", 0));
        events.clear();
        Reconciliation r = new Reconciliation("ENOBUFS: events lost", List.of(blackhole("10.244.3.0/26", 80)),
                List.of(dev("10.244.1.6/32", 3, "cali2", 0)), new KernelSnapshot(List.of(), Map.of()));
        learner.resynced(r);
        assertEquals(List.of("-10.244.1.6/32", "+10.244.3.0/26", "retry"), events);
        assertEquals(2, learner.learnedPrefixes());
    }

    @Test
    void learnedRoutesCarryTheirDeviceProtocolAndTypeForPolicies() {
        learner.routeAdded(dev("10.244.1.5/32", 3, "cali1", 0));
        learner.routeAdded(blackhole("10.244.1.0/26", 80));
        assertEquals(new KernelFacts("cali1", 3, KernelFacts.Type.UNICAST), learnedFacts.get(Prefix.parse("10.244.1.5/32")));
        assertEquals(new KernelFacts(null, 80, KernelFacts.Type.BLACKHOLE), learnedFacts.get(Prefix.parse("10.244.1.0/26")));

        learner.routeAdded(dev("10.244.1.5/32", 3, "cali7", 0)); // Felix moved the pod's route to another interface
        assertEquals("cali7", learnedFacts.get(Prefix.parse("10.244.1.5/32")).device());
    }
}
