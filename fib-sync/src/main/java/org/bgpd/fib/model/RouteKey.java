package org.bgpd.fib.model;

import org.bgpd.rib.route.Prefix;

/**
 * What makes a kernel route unique: table, destination, tos and metric (the kernel's own key;
 * protocol is not part of it, which is why replacing a key can clobber another daemon's route).
 * Immutable; safe to share.
 */
public record RouteKey(int table, Prefix prefix, int tos, int metric) {}
