package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file a graceful stop leaves, and what the next start makes of it (RFC 4724 §4.1). */
class RestartRecoveryTest {
    private static final Instant STOP = Instant.parse("2026-11-21T10:00:00Z");
    private static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    private static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    private static final GracefulRestart OURS = new GracefulRestart(true, 30, 0);

    private static RestartMarker marker(int kernelRoutes) {
        return new RestartMarker(STOP, 30, kernelRoutes, List.of(
                new RestartMarker.PeerFamilies("Mesh_10_0_0_2", V4),
                new RestartMarker.PeerFamilies("Mesh_10_0_0_3", Set.of())));
    }

    @Test
    void theMarkerRoundTripsThroughItsTextAndTheFile(@TempDir Path dir) throws Exception {
        RestartMarker m = marker(7);
        assertEquals(m, RestartMarker.parse(m.text()));
        Path f = dir.resolve(RestartMarker.FILE_NAME);
        m.write(f);
        assertEquals(m, RestartMarker.take(f));
        assertFalse(Files.exists(f), "the marker describes one stop: taking it deletes it");
        assertNull(RestartMarker.take(f));
    }

    @Test
    void anIncompleteOrGarbledMarkerIsNoMarker() {
        assertNull(RestartMarker.parse(""));
        assertNull(RestartMarker.parse("restart-time: 30\n"));
        assertNull(RestartMarker.parse("stopped-at: yesterday\nrestart-time: 30\n"));
        assertNull(RestartMarker.parse("stopped-at: 2026-11-21T10:00:00Z\nrestart-time: 30\npeer: p1 IPV5_UNICAST\n"));
        assertEquals(30, RestartMarker.parse("stopped-at: 2026-11-21T10:00:00Z\nrestart-time: 30\nfuture-key: x\n").restartTime());
    }

    @Test
    void aStartWithinTheRestartTimeIsAGracefulRestart() {
        assertTrue(RestartRecovery.decide(marker(7), OURS, STOP.plusSeconds(30)).restarting());
        assertFalse(RestartRecovery.decide(marker(7), OURS, STOP.plusSeconds(31)).restarting(), "too old");
        assertFalse(RestartRecovery.decide(marker(7), OURS, STOP.minusSeconds(5)).restarting(), "clock went back");
        assertFalse(RestartRecovery.decide(null, OURS, STOP).restarting());
        assertFalse(RestartRecovery.decide(marker(7), new GracefulRestart(false, 30, 0), STOP).restarting());
    }

    @Test
    void restartingSetsRAndFForTheFamiliesWhoseKernelRoutesWereKept() {
        RestartRecovery r = RestartRecovery.decide(marker(7), OURS, STOP.plusSeconds(2));
        assertEquals(new Capability.GracefulRestart(true, false, 30, List.of(
                new Capability.GrFamily(1, 1, true), new Capability.GrFamily(2, 1, false))), r.capability(OURS, BOTH));
        assertEquals(30_000, r.convergenceTimeoutMillis(120_000));
        // Nothing left in the kernel: we restarted, but kept no forwarding state.
        RestartRecovery empty = RestartRecovery.decide(marker(0), OURS, STOP.plusSeconds(2));
        assertEquals(new Capability.GracefulRestart(true, false, 30, List.of(
                new Capability.GrFamily(1, 1, false), new Capability.GrFamily(2, 1, false))), empty.capability(OURS, BOTH));
        assertEquals(120_000, RestartRecovery.NONE.convergenceTimeoutMillis(120_000));
        assertNull(r.capability(new GracefulRestart(false, 30, 0), BOTH));
    }
}
