package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {
    private static final Set<String> PROTOS = Set.of("kernel1", "Mesh_10_99_0_2", "Global_127_0_0_3");
    private static final Set<String> TABLES = Set.of("master4", "master6");

    private static Command parse2(String line) { return new CommandParser(Dialect.BIRD2, PROTOS, TABLES).parse(line); }

    private static Command parse1(String line) { return new CommandParser(Dialect.BIRD1, PROTOS, TABLES).parse(line); }

    @Test
    void showCommands() {
        assertInstanceOf(Command.ShowStatus.class, parse2("show status"));
        assertInstanceOf(Command.ShowMemory.class, parse2("show memory"));
        assertInstanceOf(Command.ShowConfd.class, parse2("show confd"));
        assertEquals(new Command.Json(new Command.ShowConfd()), parse2("json show confd"));
        assertEquals(new Command.ShowProtocols(false, null), parse2("show protocols"));
        assertEquals(new Command.ShowProtocols(true, null), parse2("show protocols all"));
        assertEquals(new Command.ShowProtocols(true, new ProtocolSelector(ProtocolSelector.Kind.NAME, "kernel1")),
                parse2("show protocols all kernel1"));
        assertEquals(new Command.ShowProtocols(false, new ProtocolSelector(ProtocolSelector.Kind.PATTERN, "Mesh*")),
                parse2("show  protocols\t\"Mesh*\"\r"));
    }

    @Test
    void showRouteOptionsInAnyOrder() {
        Command.ShowRoute r = (Command.ShowRoute) parse2("show route for 192.168.10.5 table master4 protocol kernel1 all");
        assertTrue(r.all());
        assertFalse(r.count());
        assertTrue(r.query().covering());
        assertEquals(32, r.query().length());
        assertEquals("192.168.10.5", r.query().address().getHostAddress());
        assertEquals("master4", r.query().table());
        assertEquals("kernel1", r.query().protocol());

        Command.ShowRoute p = (Command.ShowRoute) parse2("show route count 10.0.0.0/8 primary export Mesh_10_99_0_2");
        assertTrue(p.count());
        assertFalse(p.query().covering());
        assertEquals(8, p.query().length());
        assertTrue(p.query().primaryOnly());
        assertEquals("Mesh_10_99_0_2", p.query().exportOf());

        Command.ShowRoute v6 = (Command.ShowRoute) parse2("show route for 2001:db8::1");
        assertEquals(128, v6.query().length());
        Command.ShowRoute all = (Command.ShowRoute) parse2("show route");
        assertNull(all.query().address());
    }

    @Test
    void actions() {
        assertEquals(new Command.Configure(false, null), parse2("configure"));
        assertEquals(new Command.Configure(true, null), parse2("configure check"));
        assertEquals(new Command.Configure(true, "/etc/bgpd.yaml"), parse2("configure check \"/etc/bgpd.yaml\""));
        assertEquals(new Command.Configure(false, "x.yaml"), parse2("configure soft \"x.yaml\""));
        assertEquals(new Command.OnProtocols(ProtocolAction.ENABLE, new ProtocolSelector(ProtocolSelector.Kind.NAME, "kernel1")),
                parse2("enable kernel1"));
        assertEquals(new Command.OnProtocols(ProtocolAction.DISABLE, ProtocolSelector.ALL), parse2("disable all"));
        assertEquals(ProtocolAction.RESTART, ((Command.OnProtocols) parse2("restart \"G*\"")).action());
        assertEquals(ProtocolAction.RELOAD, ((Command.OnProtocols) parse2("reload kernel1")).action());
        assertEquals(ProtocolAction.RELOAD_IN, ((Command.OnProtocols) parse2("reload in kernel1")).action());
        assertEquals(ProtocolAction.RELOAD_OUT, ((Command.OnProtocols) parse2("reload out all")).action());
        assertInstanceOf(Command.Down.class, parse2("down"));
        assertInstanceOf(Command.Restrict.class, parse2("restrict"));
        assertEquals(new Command.Json(new Command.ShowStatus()), parse2("json show status"));
    }

    /** Texts as BIRD 2.0.12 answered them on a live daemon. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo|syntax error, unexpected CF_SYM_UNDEFINED",
        "show|syntax error, unexpected END",
        "''|syntax error, unexpected END",
        "show protocol|syntax error, unexpected PROTOCOL",
        "sh pro|syntax error, unexpected CF_SYM_UNDEFINED",
        "show protocols nosuch|syntax error, unexpected CF_SYM_UNDEFINED, expecting END or CF_SYM_KNOWN or TEXT or ALL",
        "enable nosuch|syntax error, unexpected CF_SYM_UNDEFINED, expecting CF_SYM_KNOWN or TEXT or ALL",
        "reload nosuch|syntax error, unexpected CF_SYM_UNDEFINED",
        "show route protocol nosuch|syntax error, unexpected CF_SYM_UNDEFINED, expecting CF_SYM_KNOWN",
        "show route export nosuch|syntax error, unexpected CF_SYM_UNDEFINED, expecting CF_SYM_KNOWN or TABLE",
        "show route table nosuch|syntax error, unexpected CF_SYM_UNDEFINED, expecting CF_SYM_KNOWN or ALL",
        "show route foo|syntax error, unexpected CF_SYM_UNDEFINED",
        "show route 1.2.3|syntax error, unexpected NUM",
        "show route for 999.1.1.1|Invalid IPv4 address 999.1.1.1",
        "show route for 1.2.3.999|Invalid IPv4 address 1.2.3.999",
        "show route for 1.2.3.4/33|Invalid prefix length 33",
        "show status now|syntax error, unexpected CF_SYM_UNDEFINED, expecting END",
        "down kernel1|syntax error, unexpected CF_SYM_KNOWN, expecting END",
    })
    void bird2Errors(String line, String message) {
        assertEquals(new Command.Invalid(9001, message), parse2(line));
    }

    @Test
    void bird1Errors() {
        assertEquals(new Command.Invalid(9001, "syntax error"), parse1("foo"));
        assertEquals(new Command.Invalid(9001, "syntax error"), parse1("show"));
        assertEquals(new Command.Invalid(9002, "nosuchproto is not a protocol"), parse1("show protocols nosuchproto"));
        assertEquals(new Command.Invalid(9002, "zz is not a protocol"), parse1("disable zz"));
        assertEquals(new Command.Invalid(9001, "Invalid IPv4 address 999.1.1.1"), parse1("show route for 999.1.1.1"));
    }

    @Test
    void longSymbolsAndUnterminatedStrings() {
        assertEquals(new Command.Invalid(9001, "Symbol too long"), parse2("show route " + "x".repeat(300)));
        assertEquals(9001, ((Command.Invalid) parse2("show protocols \"abc")).code());
    }

    /** Random bytes never make the parser throw; every line becomes a command or an Invalid. */
    @Test
    void garbageIsAResult() {
        Random rnd = new Random(42);
        String alphabet = "show route protocols all for table \"*/.:0123456789abcdef\t-_";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(rnd.nextInt(8) == 0 ? (char) rnd.nextInt(0x3000) : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            Command c = parse2(sb.toString());
            if (c instanceof Command.Invalid inv) assertTrue(inv.code() == 9001 || inv.code() == 9002, inv.toString());
        }
    }

    @Test
    void globPatterns() {
        assertTrue(new ProtocolSelector(ProtocolSelector.Kind.PATTERN, "Node_*").matches("Node_10_99_1_2"));
        assertTrue(new ProtocolSelector(ProtocolSelector.Kind.PATTERN, "k?rnel1").matches("kernel1"));
        assertFalse(new ProtocolSelector(ProtocolSelector.Kind.PATTERN, "zz*").matches("kernel1"));
        assertTrue(new ProtocolSelector(ProtocolSelector.Kind.PATTERN, "*").matches(""));
    }
}
