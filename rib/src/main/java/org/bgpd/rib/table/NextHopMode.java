package org.bgpd.rib.table;

/**
 * How export treats the next hop, as BIRD's {@code next hop self} / {@code next hop keep}:
 * DEFAULT is self towards eBGP and unchanged towards iBGP (RFC 4271 §5.1.3); SELF always
 * rewrites to our session address; KEEP never does. Immutable.
 */
public enum NextHopMode {
    DEFAULT,
    SELF,
    KEEP
}
