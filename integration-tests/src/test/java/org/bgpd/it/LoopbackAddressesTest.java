package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackAddressesTest {

    /** 127.0.0.x needs no setup on Linux: a listener on one is reachable, and the source address is kept. */
    @Test
    void loopbackIpv4AddressesWorkWithoutSetup() throws Exception {
        String server = LoopbackAddresses.nextIpv4();
        String client = LoopbackAddresses.nextIpv4();
        assertNotEquals(server, client);
        int port = TcpPorts.free(server);
        try (ServerSocket ss = new ServerSocket()) {
            ss.bind(new InetSocketAddress(InetAddress.getByName(server), port));
            try (Socket c = new Socket()) {
                c.bind(new InetSocketAddress(InetAddress.getByName(client), 0));
                c.connect(ss.getLocalSocketAddress(), 5000);
                try (Socket accepted = ss.accept()) {
                    assertEquals(client, accepted.getInetAddress().getHostAddress());
                }
            }
        }
    }

    @Test
    void portsAreNotHandedOutTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertTrue(seen.add(TcpPorts.free("127.0.0.1")));
        }
    }

    @Test
    void ipv6AddressOnLoIsUsableAndRemoved() throws Exception {
        String address;
        try (LoopbackAddresses.Ipv6 v6 = LoopbackAddresses.addIpv6(0x42)) {
            address = v6.address();
            assertEquals("fd00:bd::42", address);
            int port = TcpPorts.free(address);
            try (ServerSocket ss = new ServerSocket(port, 1, InetAddress.getByName(address))) {
                assertEquals(port, ss.getLocalPort());
            }
        }
        assertFalse(ExternalCommand.run("ip", "-6", "addr", "show", "dev", "lo").contains(address));
    }
}
