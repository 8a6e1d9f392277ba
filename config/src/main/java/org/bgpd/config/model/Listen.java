package org.bgpd.config.model;

import java.util.Optional;

/** Immutable; safe to share. Where to accept BGP connections; no address means every address of both families. */
public record Listen(Optional<IpAddress> address, int port) {

    public static final int BGP_PORT = 179;
}
