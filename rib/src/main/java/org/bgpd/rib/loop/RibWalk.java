package org.bgpd.rib.loop;

/**
 * A long walk the RIB thread does in slices (peer flush, feeding a new peer) so no walk
 * stalls BGP. Owned by the RIB thread.
 */
interface RibWalk {

    /** Does up to {@code budget} units of work; @return true when finished */
    boolean step(int budget);

    /** Called once after the walk finished and the turn's outbound changes were drained. */
    default void finish() {}
}
