package org.bgpd.fib.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

class NetlinkAvailabilityTest {

    @Test
    void readsNetAdminFromEffectiveCapabilities(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        Files.writeString(root, "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\n");
        Path user = dir.resolve("user");
        Files.writeString(user, "Name:\tjava\nCapEff:\t0000000000000000\n");
        Path netAdminOnly = dir.resolve("netadmin");
        Files.writeString(netAdminOnly, "CapEff:\t0000000000001000\n");
        assertEquals(Boolean.TRUE, NetlinkAvailability.hasNetAdmin(root));
        assertEquals(Boolean.FALSE, NetlinkAvailability.hasNetAdmin(user));
        assertEquals(Boolean.TRUE, NetlinkAvailability.hasNetAdmin(netAdminOnly));
        assertNull(NetlinkAvailability.hasNetAdmin(dir.resolve("missing")));
    }

    /** CI runs as root on Linux: the probe must say netlink is usable, with no reason given. */
    @Test
    void probeOnThisMachine() throws Exception {
        TestNamespace.requireRoot();
        NetlinkAvailability a = NetlinkAvailability.probe();
        assertTrue(a.available(), a.reason());
        assertNull(a.reason());
    }
}
