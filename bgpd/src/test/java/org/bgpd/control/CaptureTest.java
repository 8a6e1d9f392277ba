package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders each command against a backend holding the capture lab's data and compares the bytes
 * with what BIRD itself sent (shared/reference/bird-cli/raw).
 */
class CaptureTest {

    /** Runs the commands in one session; returns the last one's reply. */
    static String reply(FakeBackend b, Dialect d, String... commands) {
        CommandSession s = new CommandSession(b, d, null, Clock.fixed(b.status.serverTime(), ZoneOffset.UTC),
                ZoneOffset.UTC);
        String out = "";
        for (String c : commands) {
            StringWriter sw = new StringWriter();
            ReplyWriter w = new ReplyWriter(sw);
            s.execute(c, w);
            out = sw.toString();
        }
        return out;
    }

    static Stream<Arguments> captures() {
        Supplier<FakeBackend> a = () -> LabData.nodeA(201);
        Supplier<FakeBackend> a200 = () -> LabData.nodeA(200);
        Supplier<FakeBackend> rr = () -> LabData.rrB(false, false);
        Supplier<FakeBackend> crashed = () -> LabData.rrB(true, false);
        Supplier<FakeBackend> back = () -> LabData.rrB(false, true);
        Supplier<FakeBackend> c = () -> LabData1.nodeC(LabData1.Phase.NORMAL);
        Supplier<FakeBackend> grStart = () -> LabData1.nodeC(LabData1.Phase.GR_START);
        Supplier<FakeBackend> grAfter = () -> LabData1.nodeC(LabData1.Phase.GR_AFTER_5S);
        Dialect b2 = Dialect.BIRD2;
        Dialect b1 = Dialect.BIRD1;
        return Stream.of(
                Arguments.of("bird2-node-a__show_status", a, b2, new String[] {"show status"}),
                Arguments.of("bird2-node-a__show_protocols", a, b2, new String[] {"show protocols"}),
                Arguments.of("bird2-node-a__show_protocols_all", a, b2, new String[] {"show protocols all"}),
                Arguments.of("bird2-node-a__show_protocols_all_Mesh_10_99_0_2", a, b2,
                        new String[] {"show protocols all Mesh_10_99_0_2"}),
                Arguments.of("bird2-node-a__show_protocols_all_Global_127_0_0_3", a200, b2,
                        new String[] {"show protocols all Global_127_0_0_3"}),
                Arguments.of("bird2-node-a__show_protocols_all_kernel1", a, b2, new String[] {"show protocols all kernel1"}),
                Arguments.of("bird2-node-a__show_protocols_nosuchproto", a, b2, new String[] {"show protocols nosuchproto"}),
                Arguments.of("bird2-node-a__show_route", a, b2, new String[] {"show route"}),
                Arguments.of("bird2-node-a__show_route_all", a, b2, new String[] {"show route all"}),
                Arguments.of("bird2-node-a__show_route_count", a, b2, new String[] {"show route count"}),
                Arguments.of("bird2-node-a__show_route_protocol_kernel1", a, b2, new String[] {"show route protocol kernel1"}),
                Arguments.of("bird2-node-a__show_route_export_Mesh_10_99_0_2", a, b2,
                        new String[] {"show route export Mesh_10_99_0_2"}),
                Arguments.of("bird2-node-a__show_route_for_192_168_10_5", a, b2, new String[] {"show route for 192.168.10.5"}),
                Arguments.of("bird2-node-a__show_route_for_192_168_10_5_all", a, b2,
                        new String[] {"show route for 192.168.10.5 all"}),
                Arguments.of("bird2-node-a__show_route_172_16_5_0_24_all", a, b2, new String[] {"show route 172.16.5.0/24 all"}),
                Arguments.of("bird2-node-a__show_route_for_999_1_1_1", a, b2, new String[] {"show route for 999.1.1.1"}),
                Arguments.of("bird2-node-a__show_memory", a, b2, new String[] {"show memory"}),
                Arguments.of("bird2-node-a__configure", a, b2, new String[] {"configure"}),
                Arguments.of("bird2-node-a__configure_check", a, b2, new String[] {"configure check"}),
                Arguments.of("bird2-node-a__enable_Global_127_0_0_3", a, b2, new String[] {"enable Global_127_0_0_3"}),
                Arguments.of("bird2-node-a__disable_Global_127_0_0_3", a, b2, new String[] {"disable Global_127_0_0_3"}),
                Arguments.of("bird2-node-a__restart_Global_127_0_0_3", a, b2, new String[] {"restart Global_127_0_0_3"}),
                Arguments.of("bird2-node-a__foo", a, b2, new String[] {"foo"}),
                Arguments.of("bird2-node-a__show", a, b2, new String[] {"show"}),
                Arguments.of("bird2-node-a__welcome", a, b2, new String[0]),
                Arguments.of("bird2-node-a-errors__restrict", a, b2, new String[] {"restrict"}),
                Arguments.of("bird2-node-a-errors__configure", a, b2, new String[] {"restrict", "configure"}),
                Arguments.of("bird2-node-a-errors__disable_zz", a, b2, new String[] {"disable \"zz*\""}),
                Arguments.of("bird2-node-a-errors__show_protocols_zz", a, b2, new String[] {"show protocols \"zz*\""}),
                Arguments.of("bird2-node-a-errors__show_route_1_2_3_0_24", a, b2, new String[] {"show route 1.2.3.0/24"}),
                Arguments.of("bird2-node-a-errors__show_route_for_8_8_8_8", a, b2, new String[] {"show route for 8.8.8.8"}),
                Arguments.of("bird2-node-a-errors__show_route_filtered", a, b2, new String[] {"show route filtered"}),
                Arguments.of("bird2-node-a-errors__show_route_primary", a, b2, new String[] {"show route primary"}),
                Arguments.of("bird2-node-a-errors__show_route_table_nosuch", a, b2, new String[] {"show route table nosuch"}),
                Arguments.of("bird2-rr-b__show_status", rr, b2, new String[] {"show status"}),
                Arguments.of("bird2-rr-b__show_protocols", rr, b2, new String[] {"show protocols"}),
                Arguments.of("bird2-rr-b__show_protocols_all", rr, b2, new String[] {"show protocols all"}),
                Arguments.of("bird2-rr-b__show_protocols_all_Node_10_99_0_1", rr, b2,
                        new String[] {"show protocols all Node_10_99_0_1"}),
                Arguments.of("bird2-rr-b__show_route_count", rr, b2, new String[] {"show route count"}),
                Arguments.of("bird2-rr-b-peer-crashed__show_status", crashed, b2, new String[] {"show status"}),
                Arguments.of("bird2-rr-b-peer-crashed__show_protocols", crashed, b2, new String[] {"show protocols"}),
                Arguments.of("bird2-rr-b-peer-crashed__show_protocols_all_Node_10_99_1_3", crashed, b2,
                        new String[] {"show protocols all Node_10_99_1_3"}),
                Arguments.of("bird2-rr-b-peer-crashed__show_route_count", crashed, b2, new String[] {"show route count"}),
                Arguments.of("bird2-rr-b-peer-back__show_protocols_all_Node_10_99_1_3", back, b2,
                        new String[] {"show protocols all Node_10_99_1_3"}),
                Arguments.of("bird16-node-c__welcome", c, b1, new String[0]),
                Arguments.of("bird16-node-c__show_status", c, b1, new String[] {"show status"}),
                Arguments.of("bird16-node-c__show_protocols", c, b1, new String[] {"show protocols"}),
                Arguments.of("bird16-node-c__show_protocols_all", c, b1, new String[] {"show protocols all"}),
                Arguments.of("bird16-node-c__show_protocols_all_Node_10_99_1_2", c, b1,
                        new String[] {"show protocols all Node_10_99_1_2"}),
                Arguments.of("bird16-node-c__show_protocols_all_Global_127_0_0_4", c, b1,
                        new String[] {"show protocols all Global_127_0_0_4"}),
                Arguments.of("bird16-node-c__show_protocols_all_kernel1", c, b1, new String[] {"show protocols all kernel1"}),
                Arguments.of("bird16-node-c__show_protocols_nosuchproto", c, b1, new String[] {"show protocols nosuchproto"}),
                Arguments.of("bird16-node-c__show_route", c, b1, new String[] {"show route"}),
                Arguments.of("bird16-node-c__show_route_all", c, b1, new String[] {"show route all"}),
                Arguments.of("bird16-node-c__show_route_count", c, b1, new String[] {"show route count"}),
                Arguments.of("bird16-node-c__show_route_export_Node_10_99_1_2", c, b1,
                        new String[] {"show route export Node_10_99_1_2"}),
                Arguments.of("bird16-node-c__show_route_for_192_168_20_5", c, b1, new String[] {"show route for 192.168.20.5"}),
                Arguments.of("bird16-node-c__show_route_for_192_168_20_5_all", c, b1,
                        new String[] {"show route for 192.168.20.5 all"}),
                Arguments.of("bird16-node-c__show_route_172_16_5_0_24_all", c, b1, new String[] {"show route 172.16.5.0/24 all"}),
                Arguments.of("bird16-node-c__show_route_protocol_kernel1", c, b1, new String[] {"show route protocol kernel1"}),
                Arguments.of("bird16-node-c__show_route_for_999_1_1_1", c, b1, new String[] {"show route for 999.1.1.1"}),
                Arguments.of("bird16-node-c__configure", c, b1, new String[] {"configure"}),
                Arguments.of("bird16-node-c__configure_check", c, b1, new String[] {"configure check"}),
                Arguments.of("bird16-node-c__enable_Global_127_0_0_4", c, b1, new String[] {"enable Global_127_0_0_4"}),
                Arguments.of("bird16-node-c__disable_Global_127_0_0_4", c, b1, new String[] {"disable Global_127_0_0_4"}),
                Arguments.of("bird16-node-c__restart_Global_127_0_0_4", c, b1, new String[] {"restart Global_127_0_0_4"}),
                Arguments.of("bird16-node-c__foo", c, b1, new String[] {"foo"}),
                Arguments.of("bird16-node-c__show", c, b1, new String[] {"show"}),
                Arguments.of("bird16-node-c-errors__restrict", c, b1, new String[] {"restrict"}),
                Arguments.of("bird16-node-c-errors__configure", c, b1, new String[] {"restrict", "configure"}),
                Arguments.of("bird16-node-c-errors__disable_zz", c, b1, new String[] {"disable \"zz*\""}),
                Arguments.of("bird16-node-c-errors__show_protocols_zz", c, b1, new String[] {"show protocols \"zz*\""}),
                Arguments.of("bird16-node-c-errors__show_route_1_2_3_0_24", c, b1, new String[] {"show route 1.2.3.0/24"}),
                Arguments.of("bird16-node-c-errors__show_route_for_8_8_8_8", c, b1, new String[] {"show route for 8.8.8.8"}),
                Arguments.of("bird16-node-c-gr-start__show_status", grStart, b1, new String[] {"show status"}),
                Arguments.of("bird16-node-c-gr-start__show_protocols", grStart, b1, new String[] {"show protocols"}),
                Arguments.of("bird16-node-c-gr-after5s__show_status", grAfter, b1, new String[] {"show status"}),
                Arguments.of("bird16-node-c-gr-after5s__show_protocols", grAfter, b1, new String[] {"show protocols"}),
                Arguments.of("bird16-node-c-gr-after5s__show_protocols_all_Node_10_99_1_2", grAfter, b1,
                        new String[] {"show protocols all Node_10_99_1_2"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void rendersLikeBird(String capture, Supplier<FakeBackend> backend, Dialect dialect, String[] commands) {
        String expected = Captures.raw(capture);
        String actual = commands.length == 0 ? "0001 " + dialect.greeting() + "\n" : reply(backend.get(), dialect, commands);
        assertEquals(expected, actual, capture);
    }
}
