package org.bgpd.it;

/**
 * Immutable; safe to share. One next hop of a route in {@code show route}: {@code gateway} is
 * null for a device route ({@code dev X}); {@code iface} is null when BIRD prints none.
 */
public record BirdNextHop(String gateway, String iface) {}
