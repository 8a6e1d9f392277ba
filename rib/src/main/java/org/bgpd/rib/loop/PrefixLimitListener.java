package org.bgpd.rib.loop;

import org.bgpd.rib.route.Family;

/**
 * Told when a channel's received prefixes cross its limit ({@link RibCommand.PrefixLimit}).
 * Called on the RIB thread, once per crossing: an implementation hands the reaction (log,
 * Cease, restart) to the session's own thread.
 */
@FunctionalInterface
public interface PrefixLimitListener {

    /** {@code count} routes are held (with block: would have been held) against {@code limit}. */
    void exceeded(int peer, Family family, long limit, int count);
}
