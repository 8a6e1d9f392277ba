package org.bgpd.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.daemon.Daemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

class HangupReloadTest {
    @TempDir
    Path dir;

    private static String yaml(int port, String peers) {
        return """
                router-id: 10.0.0.1
                local-as: 65001
                listen: {address: 127.0.0.1, port: %d}
                peers:
                  - name: a
                    address: 127.0.1.1
                    remote-as: 65002
                    passive: true
                %s
                """.formatted(port, peers);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sighupReloadsTheFile() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("bgpd.yaml");
        Files.writeString(file, yaml(port, ""));
        try (Daemon d = new Daemon(((LoadResult.Loaded) ConfigLoader.load(file)).config(), file)) {
            d.start();
            HangupReload.install(d);
            assertNull(d.session("b"));
            Files.writeString(file, yaml(port, """
                      - name: b
                        address: 127.0.1.2
                        remote-as: 65002
                        passive: true
                    """));
            Signal.raise(new Signal("HUP"));
            // The handler runs on the JDK's signal thread: poll for its effect (the @Timeout bounds a hang).
            while (d.session("b") == null) LockSupport.parkNanos(10_000_000L);
            assertNotNull(d.session("b"));
        }
    }
}
