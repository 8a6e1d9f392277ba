package org.bgpd.session;

import java.net.InetAddress;

/**
 * How {@link BgpListener} finds the session for an incoming connection: configured peers by
 * address, or a dynamic peer the daemon creates when the address falls in a configured range.
 * Called on an event loop thread; must be quick and thread-safe.
 */
@FunctionalInterface
public interface PeerLookup {
    /** The session for this remote address, or null to refuse the connection. */
    PeerSession find(InetAddress remote);
}
