package org.bgpd.confd.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bgpd.confd.tree.KeySnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each template function, called from a real Pebble template. */
class ConfdFunctionsTest {

    @TempDir
    Path dir;

    private TemplateEngine engine;
    private KeySnapshot keys;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("hosts"), "# comment\n10.1.2.3 etcd-a etcd\nfd00::1 etcd6\n");
        engine = new TemplateEngine(dir.resolve("t"), dir.resolve("hosts"));
        keys = new KeySnapshot(7, new TreeMap<>(Map.of(
                "/calico/bgp/v1/global/as_num", "64512",
                "/calico/bgp/v1/host/a/ip_addr_v4", "10.0.0.1",
                "/calico/bgp/v1/host/b/ip_addr_v4", "10.0.0.2",
                "/calico/bgp/v1/host/b/peer_v4/10.0.0.9", "{\"ip\":\"10.0.0.9\",\"port\":179,\"on\":true}",
                "/calico/bgp/v1/global/list", "[\"x\",\"y\"]")));
    }

    private String render(String template) throws Exception {
        Files.writeString(dir.resolve("t/x.peb"), template);
        return engine.render("x.peb", new RenderScope(keys, "b", Map.of("CALICO_ROUTER_ID", "1.2.3.4")));
    }

    @Test
    void getvReturnsValueOrDefaultAndFailsOnMissingKey() throws Exception {
        assertEquals("64512|d", render("{{ getv('/calico/bgp/v1/global/as_num') }}|{{ getv('/nope', 'd') }}"));
        TemplateEngine.RenderException e = assertThrows(TemplateEngine.RenderException.class, () -> render("{{ getv('/nope') }}"));
        assertTrue(e.getMessage().contains("key does not exist: /nope"), e.getMessage());
    }

    @Test
    void getsAndGetvsMatchOneSegmentPerStar() throws Exception {
        assertEquals("/calico/bgp/v1/host/a/ip_addr_v4=10.0.0.1;/calico/bgp/v1/host/b/ip_addr_v4=10.0.0.2;",
                render("{% for kv in gets('/calico/bgp/v1/host/*/ip_addr_v4') %}{{ kv.key }}={{ kv.value }};{% endfor %}"));
        assertEquals("10.0.0.1,10.0.0.2", render("{{ join(getvs('/calico/bgp/v1/host/*/ip_addr_v4'), ',') }}"));
        assertEquals("0", render("{{ getvs('/calico/bgp/v1/*/ip_addr_v4') | length }}"));
    }

    @Test
    void lsListsChildrenAndLsdirOnlyDirectories() throws Exception {
        assertEquals("a,b", render("{{ join(ls('/calico/bgp/v1/host'), ',') }}"));
        assertEquals("ip_addr_v4,peer_v4", render("{{ join(ls('/calico/bgp/v1/host/b/'), ',') }}"));
        assertEquals("peer_v4", render("{{ join(lsdir('/calico/bgp/v1/host/b'), ',') }}"));
    }

    @Test
    void existsIsTrueOnlyForKeys() throws Exception {
        assertEquals("true false", render("{{ exists('/calico/bgp/v1/global/as_num') }} {{ exists('/calico/bgp/v1/global') }}"));
    }

    @Test
    void jsonAndJsonArrayParseValues() throws Exception {
        assertEquals("10.0.0.9 179 true", render("{% set p = json(getv('/calico/bgp/v1/host/b/peer_v4/10.0.0.9')) %}{{ p.ip }} {{ p.port }} {{ p.on }}"));
        assertEquals("x-y", render("{{ join(jsonArray(getv('/calico/bgp/v1/global/list')), '-') }}"));
        assertThrows(TemplateEngine.RenderException.class, () -> render("{{ json('[1]') }}"));
        assertThrows(TemplateEngine.RenderException.class, () -> render("{{ jsonArray('{') }}"));
    }

    @Test
    void baseAndDirFollowGoPathPackage() throws Exception {
        assertEquals("10.0.0.9 /calico/bgp/v1/host/b/peer_v4", render("{{ base('/calico/bgp/v1/host/b/peer_v4/10.0.0.9') }} {{ dir('/calico/bgp/v1/host/b/peer_v4/10.0.0.9') }}"));
        assertEquals("b|/|.|/", render("{{ base('a/b/') }}|{{ dir('/a') }}|{{ dir('a') }}|{{ base('/') }}"));
    }

    @Test
    void splitJoinReplaceAndTheContainsOperator() throws Exception {
        assertEquals("3:a,,b", render("{% set s = split('a::b', ':') %}{{ s | length }}:{{ join(s, ',') }}"));
        assertEquals("10_0_0_1", render("{{ replace('10.0.0.1', '.', '_') }}"));
        // confd's contains is Pebble's own operator (a function may not take the name).
        assertEquals("true false", render("{{ 'a,b' contains ',' }} {{ 'ab' contains ',' }}"));
    }

    @Test
    void lookupIpResolvesLiteralsAndHostsFileOnly() throws Exception {
        assertEquals("10.9.9.9", render("{{ join(lookupIP('10.9.9.9'), ',') }}"));
        assertEquals("10.1.2.3", render("{{ join(lookupIP('etcd'), ',') }}"));
        assertEquals("fd00:0:0:0:0:0:0:1", render("{{ join(lookupIP('etcd6'), ',') }}"));
        assertEquals("0", render("{{ lookupIP('no-such-host.invalid') | length }}"));
    }

    @Test
    void nodeNameAndEnvironment() throws Exception {
        assertEquals("b 1.2.3.4 fallback", render("{{ node }} {{ getenv('CALICO_ROUTER_ID') }} {{ getenv('UNSET', 'fallback') }}"));
    }

    @Test
    void calicoHelpers() throws Exception {
        assertEquals("Global_10_0_0_1_port_150 Node_fd00__9", render("{{ protocolName('Global_', '10.0.0.1-150') }} {{ protocolName('Node_', 'fd00::9') }}"));
        assertEquals("true false", render("{{ greater('10.0.0.3', '10.0.0.2') }} {{ greater('10.0.0.10', '10.0.0.2') }}"));
        assertEquals("26", render("{{ prefixLength('192.168.0.0/26') }}"));
        assertEquals("\"a\\\"b\"", render("{{ quote('a\"b') }}"));
    }

    @Test
    void templatesCannotCallJavaMethods() {
        TemplateEngine.RenderException e = assertThrows(TemplateEngine.RenderException.class,
                () -> render("{{ node.getClass() }}"));
        assertTrue(e.getMessage() != null);
    }

    @Test
    void hashToIPv4IsTheFirstFourBytesOfTheNamesSha256() throws Exception {
        // Calico's own fixture (mesh/hash): node kube-master gets router id 25.79.212.8.
        assertEquals("25.79.212.8", render("{{ hashToIPv4('kube-master') }}"));
        assertEquals("25.79.212.8", ConfdFunctions.hashToIPv4("kube-master"));
        org.junit.jupiter.api.Assertions.assertNotEquals("25.79.212.8", ConfdFunctions.hashToIPv4("kube-node-1"));
    }
}
