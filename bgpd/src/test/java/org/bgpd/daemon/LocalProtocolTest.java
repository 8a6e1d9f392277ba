package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.bgpd.control.ChannelInfo;
import org.bgpd.control.ProtocolInfo;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.PeerKind;
import org.junit.jupiter.api.Test;

/** The kernel protocol's row, as BIRD shows {@code kernel1}. */
class LocalProtocolTest {

    @Test
    void theKernelRowCountsLearnedAndInstalledRoutes() {
        LocalProtocol k = LocalProtocol.kernel(KernelExportPathTest.calico(), Daemon.KERNEL_PEER, Instant.EPOCH, 7);
        RibStats stats = new RibStats(List.of(new RibStats.ChannelStats(Daemon.KERNEL_PEER, Family.IPV4_UNICAST, 4, 0, 3, false)), 1, 4, 0, 4);
        ProtocolInfo row = k.row(stats);
        assertEquals("kernel1", row.name());
        assertEquals("Kernel", row.proto());
        ChannelInfo ch = row.channels().getFirst();
        assertEquals(new ChannelInfo.RouteCounts(4, -1, 7, 3), ch.routes());
        assertEquals("calico-kernel-programming", ch.outputFilter());
        assertEquals(10, ch.preference());
    }

    @Test
    void kernelRoutesOfBothFamiliesBelongToTheRow() {
        LocalProtocol k = LocalProtocol.kernel(KernelExportPathTest.calico(), Daemon.KERNEL_PEER, Instant.EPOCH, 0);
        assertTrue(k.holds(Daemon.KERNEL_PEER, Family.IPV6_UNICAST));
        assertTrue(k.holds(Daemon.KERNEL_PEER, Family.IPV4_UNICAST));
        assertFalse(k.holds(Daemon.STATIC_PEER, Family.IPV4_UNICAST));
        assertFalse(new LocalProtocol("static1", PeerKind.STATIC, 0, Family.IPV4_UNICAST, Instant.EPOCH).holds(0, Family.IPV6_UNICAST));
    }

    @Test
    void kernelGracefulRestartKeyDecidesWhetherAStopKeepsRoutes() {
        assertFalse(KernelExportPathTest.calico().kernel().gracefulRestart(), "default: a stop removes our routes");
        assertTrue(KernelExportPathTest.load("""
                router-id: 10.0.0.21
                local-as: 64512
                kernel:
                  graceful-restart: true
                """).kernel().gracefulRestart());
    }
}
