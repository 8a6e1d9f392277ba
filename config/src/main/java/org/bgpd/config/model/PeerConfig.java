package org.bgpd.config.model;

/** Immutable; safe to share. One configured neighbor; {@code name} is its protocol name on the control socket. */
public record PeerConfig(String name, IpAddress address, long remoteAs, PeerSettings settings) {
}
