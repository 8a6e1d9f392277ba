package org.bgpd.rib.table;

/**
 * Where a peer's routes come from. STATIC and KERNEL are pseudo-peers that carry locally
 * originated routes (configured statics, routes learned from the kernel FIB) into the RIB as if
 * a session had announced them, the way BIRD's static and kernel protocols feed its tables.
 * Immutable.
 */
public enum PeerKind {
    BGP,
    STATIC,
    KERNEL
}
