package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BirdConfigTest {

    private static BirdConfig everyOption() {
        return BirdConfig.builder()
                .routerId("127.0.0.2")
                .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.0.0/24").via("10.98.0.0/24", "127.0.0.3"))
                .staticProtocol(BirdStaticProtocol.ipv6("static6").blackhole("2001:db8:99::/48"))
                .kernel(BirdKernelProtocol.ipv4("kernel1").learn().persist().exportAll().kernelTable(100).metric(32)
                        .scanTime(2).mergePaths())
                .bgp(BirdBgpProtocol.builder("ebgp1")
                        .description("eBGP, 2-octet peer")
                        .local("127.0.0.2", 17901, 65001)
                        .neighbor("127.0.0.3", 17902, 65002)
                        .password("s3cret")
                        .holdTime(9).keepaliveTime(3).connectRetryTime(1).connectDelayTime(1)
                        .gracefulRestartTime(30)
                        .as4Off()
                        .multihop()
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1").addPaths().nextHopSelf())
                        .channel(BirdChannel.ipv6().importNone().exportProtocol("static6").nextHopAddress("fd00:bd::2")))
                .bgp(BirdBgpProtocol.builder("rrclient1")
                        .local("127.0.0.2", 65001)
                        .neighbor("127.0.0.4", 65001)
                        .passive()
                        .gracefulRestart()
                        .rrClient().rrClusterId("1.0.0.1")
                        .multihop(2)
                        .extra("enable route refresh on")
                        .channel(BirdChannel.ipv4().exportAll().addPaths("tx").extra("gateway recursive")))
                .build();
    }

    @Test
    void rendersTheRequestedStatements() {
        String conf = everyOption().render();
        for (String expected : new String[] {
                "router id 127.0.0.2;", "protocol device", "log stderr all;",
                "route 10.99.0.0/24 blackhole;", "route 10.98.0.0/24 via 127.0.0.3;", "route 2001:db8:99::/48 blackhole;",
                "local 127.0.0.2 port 17901 as 65001;", "neighbor 127.0.0.3 port 17902 as 65002;",
                "password \"s3cret\";", "hold time 9;", "connect retry time 1;", "graceful restart on;",
                "graceful restart time 30;", "enable as4 off;", "multihop;", "export where proto = \"static1\";",
                "add paths on;", "next hop self;", "next hop address fd00:bd::2;", "import none;",
                "local 127.0.0.2 as 65001;", "passive on;", "rr client;", "rr cluster id 1.0.0.1;", "multihop 2;",
                "enable route refresh on;", "add paths tx;", "gateway recursive;",
                "learn;", "persist;", "kernel table 100;", "metric 32;", "merge paths on;"}) {
            assertTrue(conf.contains(expected), () -> "missing `" + expected + "` in\n" + conf);
        }
    }

    /** BIRD itself parses the rendered file: {@code bird -p} checks a config and exits. */
    @Test
    void birdAcceptsTheRenderedConfig(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("bird.conf");
        Files.writeString(conf, everyOption().render());
        ExternalCommand.Result r = ExternalCommand.tryRun(BirdProcess.birdBinary(), "-p", "-c", conf.toString());
        assertEquals(0, r.exitCode(), r::describe);
    }

    @Test
    void birdRejectsAnInternalOptionOnAnExternalSessionSoTheCheckAboveMeansSomething(@TempDir Path dir) throws IOException {
        BirdConfig bad = BirdConfig.builder().routerId("127.0.0.2")
                .bgp(BirdBgpProtocol.builder("bad").local("127.0.0.2", 65001).neighbor("127.0.0.3", 65002).rrClient()
                        .channel(BirdChannel.ipv4()))
                .build();
        Path conf = dir.resolve("bird.conf");
        Files.writeString(conf, bad.render());
        ExternalCommand.Result r = ExternalCommand.tryRun(BirdProcess.birdBinary(), "-p", "-c", conf.toString());
        assertFalse(r.ok(), r::describe);
    }

    @Test
    void toBuilderRoundTripsAndRemoveDropsAProtocol() {
        BirdConfig c = everyOption();
        assertEquals(c, c.toBuilder().build());
        BirdConfig smaller = c.toBuilder().remove("static6").build();
        assertFalse(smaller.render().contains("static6 {"));
        assertEquals(1, smaller.statics().size());
    }

    @Test
    void kernelExportIsFlagged() {
        assertTrue(everyOption().exportsToKernel());
        assertFalse(BirdConfig.builder().routerId("1.1.1.1").kernel(BirdKernelProtocol.ipv4("k").learn()).build()
                .exportsToKernel());
        assertThrows(IllegalArgumentException.class, () -> BirdProcess.start(everyOption()));
    }
}
