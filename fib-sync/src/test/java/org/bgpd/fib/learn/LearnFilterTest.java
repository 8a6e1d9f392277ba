package org.bgpd.fib.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

class LearnFilterTest {
    private static final ProtocolNames NAMES = ProtocolNames.builtIn();

    static KernelRoute pod(String prefix, String dev, int proto) {
        return new KernelRoute(Prefix.parse(prefix), 254, proto, RouteType.UNICAST, 0, 253, 0, List.of(KernelNextHop.dev(5, dev)));
    }

    static KernelRoute blackhole(String prefix, int proto) {
        return new KernelRoute(Prefix.parse(prefix), 254, proto, RouteType.BLACKHOLE, 0, 0, 0, List.of());
    }

    /** Calico's set-up: pod routes on cali* and IPAM block blackholes, inside the pool. */
    static LearnFilter calico() {
        LearnRule pods = new LearnFilter.RuleBuilder(NAMES).table(254).iface("cali*").prefix("10.244.0.0/16 ge 16").build();
        LearnRule blocks = new LearnFilter.RuleBuilder(NAMES).type("blackhole").protocol("80").prefix("10.244.0.0/16 ge 26 le 26").build();
        return new LearnFilter(List.of(pods, blocks), 186);
    }

    @Test
    void learnsPodRoutesAndBlocks() {
        LearnFilter f = calico();
        assertTrue(f.learns(pod("10.244.1.5/32", "cali123", 3)));
        assertTrue(f.learns(blackhole("10.244.1.0/26", 80)));
    }

    @Test
    void rejectsWhatNoRuleAccepts() {
        LearnFilter f = calico();
        assertFalse(f.learns(pod("10.244.1.5/32", "eth0", 3)), "interface");
        assertFalse(f.learns(pod("10.9.1.5/32", "cali1", 3)), "prefix outside the pool");
        assertFalse(f.learns(blackhole("10.244.1.0/24", 80)), "block length");
        assertFalse(f.learns(blackhole("10.244.1.0/26", 4)), "protocol");
        assertFalse(f.learns(pod("10.244.1.5/32", "cali123", 186)), "our own routes are never learned");
        assertFalse(LearnFilter.none(186).learns(pod("10.244.1.5/32", "cali123", 3)));
        KernelRoute otherTable = new KernelRoute(Prefix.parse("10.244.1.5/32"), 100, 3, RouteType.UNICAST, 0, 253, 0,
                List.of(KernelNextHop.dev(5, "cali1")));
        assertFalse(f.learns(otherTable), "table");
    }

    @Test
    void anyNextHopInterfaceMatches() {
        LearnRule r = new LearnFilter.RuleBuilder(NAMES).iface("tunl?").build();
        KernelRoute ecmp = new KernelRoute(Prefix.parse("10.0.0.0/24"), 254, 12, RouteType.UNICAST, 0, 0, 0,
                List.of(KernelNextHop.via(NextHop.parse("192.0.2.1"), 2, "eth0", false),
                        KernelNextHop.via(NextHop.parse("192.0.2.2"), 3, "tunl0", true)));
        assertTrue(r.matches(ecmp));
        assertFalse(r.matches(ecmp.withNextHops(List.of(ecmp.nextHops().get(0)))));
    }

    @Test
    void unknownNamesAreRefusedClearly() {
        LearnFilter.RuleBuilder b = new LearnFilter.RuleBuilder(NAMES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.protocol("felix"));
        assertTrue(e.getMessage().contains("felix"));
        assertThrows(IllegalArgumentException.class, () -> b.type("wormhole"));
    }

    @Test
    void protocolNamesFromFileOverBuiltIn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rt_protos");
        Files.writeString(f, "# comment\n80 felix # Calico\n0x2a babel2\nbad line here\n12\tbird\n");
        ProtocolNames n = ProtocolNames.load(f);
        assertEquals(80, n.resolve("felix"));
        assertEquals(42, n.resolve("babel2"));
        assertEquals(12, n.resolve("bird"));
        assertEquals(3, n.resolve("boot"), "built-in names stay");
        assertEquals(186, n.resolve("186"));
        assertEquals(-1, n.resolve("256"));
        assertEquals(-1, n.resolve("nosuch"));
        assertEquals("bgp", n.name(186));
        assertEquals("77", n.name(77));
        assertEquals(186, ProtocolNames.load(dir.resolve("missing")).resolve("bgp"));
    }

    @Test
    void prefixRanges() {
        PrefixRange r = PrefixRange.parse("10.244.0.0/16 ge 26 le 32");
        assertTrue(r.matches(Prefix.parse("10.244.3.64/26")));
        assertTrue(r.matches(Prefix.parse("10.244.3.65/32")));
        assertFalse(r.matches(Prefix.parse("10.244.0.0/24")));
        assertFalse(r.matches(Prefix.parse("10.245.0.0/26")));
        assertEquals(new PrefixRange(Prefix.parse("10.0.0.0/8"), 24, 32), PrefixRange.parse("10.0.0.0/8 ge 24"));
        assertEquals(new PrefixRange(Prefix.parse("10.0.0.0/8"), 8, 16), PrefixRange.parse("10.0.0.0/8 le 16"));
        assertEquals(PrefixRange.exact(Prefix.parse("10.0.0.0/8")), PrefixRange.parse("10.0.0.0/8"));
        assertTrue(PrefixRange.orLonger(Prefix.parse("fd00::/8")).matches(Prefix.parse("fd00:1::/64")));
        assertThrows(IllegalArgumentException.class, () -> PrefixRange.parse("10.0.0.0/8 ge 4"));
        assertThrows(IllegalArgumentException.class, () -> PrefixRange.parse("10.0.0.0/8 ge"));
        assertThrows(IllegalArgumentException.class, () -> PrefixRange.parse("10.0.0.0/8 eq 9"));
    }

    @Test
    void globs() {
        assertTrue(new InterfaceGlob("cali*").matches("cali123abc"));
        assertTrue(new InterfaceGlob("cali*").matches("cali"));
        assertFalse(new InterfaceGlob("cali*").matches("eth0"));
        assertTrue(new InterfaceGlob("*.100").matches("eth0.100"));
        assertTrue(new InterfaceGlob("tunl?").matches("tunl0"));
        assertFalse(new InterfaceGlob("tunl?").matches("tunl10"));
        assertFalse(new InterfaceGlob("cali*").matches(null));
    }
}
