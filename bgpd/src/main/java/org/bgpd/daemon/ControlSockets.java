package org.bgpd.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.model.ControlSocket;
import org.bgpd.control.ControlBackend;
import org.bgpd.control.ControlServer;
import org.bgpd.control.ControlSocketSpec;
import org.bgpd.control.Dialect;
import org.bgpd.rib.route.Family;

/** The configured control sockets as a {@link ControlServer}. Stateless; safe from any thread. */
final class ControlSockets {
    private ControlSockets() {}

    static List<ControlSocketSpec> specs(List<ControlSocket> sockets) {
        List<ControlSocketSpec> out = new ArrayList<>(sockets.size());
        for (ControlSocket s : sockets) {
            Dialect d = s.dialect() == ControlSocket.Dialect.BIRD1 ? Dialect.BIRD1 : Dialect.BIRD2;
            Family f = switch (s.family()) {
                case IPV4 -> Family.IPV4_UNICAST;
                case IPV6 -> Family.IPV6_UNICAST;
                case ALL -> null;
            };
            out.add(new ControlSocketSpec(Path.of(s.path()), d, f));
        }
        return out;
    }

    /** A server for every configured socket, not yet started; times shown in the host's zone. */
    static ControlServer server(List<ControlSocket> sockets, ControlBackend backend) {
        return new ControlServer(backend, specs(sockets), Clock.systemDefaultZone(), ZoneId.systemDefault(),
                ControlServer.DEFAULT_MAX_LINE);
    }
}
