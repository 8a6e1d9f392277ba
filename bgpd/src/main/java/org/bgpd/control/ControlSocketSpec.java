package org.bgpd.control;

import java.nio.file.Path;
import org.bgpd.rib.route.Family;

/**
 * One control socket to serve: where, which dialect, and optionally one address family (Calico
 * runs {@code bird.ctl} for IPv4 and {@code bird6.ctl} for IPv6). Immutable; safe to share.
 *
 * @param family null to show both families; otherwise routes and protocols of the other family
 *     are not shown on this socket
 */
public record ControlSocketSpec(Path path, Dialect dialect, Family family) {}
