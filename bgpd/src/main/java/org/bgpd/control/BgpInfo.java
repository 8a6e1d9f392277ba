package org.bgpd.control;

/**
 * BGP session details for {@code show protocols all}. Null fields are not shown, which is how the
 * start/up variants of BIRD's block come out. Immutable; safe to share.
 *
 * @param state BIRD's BGP state text: Idle, Connect, Active, Passive, OpenSent, OpenConfirm,
 *     Established, Close
 * @param neighborId the peer's router id; non-null only once the session is up, and it brings
 *     the capability, session, source address and timer lines with it
 * @param lastError "Socket: Connection closed", "Received: Hold timer expired", or null
 */
public record BgpInfo(String state, String neighborAddress, long neighborAs, long localAs,
                      boolean neighborGrActive, TimerInfo errorWait, TimerInfo connectDelay,
                      TimerInfo restartTimer, String neighborId, BgpCaps localCaps, BgpCaps neighborCaps,
                      Session session, String sourceAddress, TimerInfo holdTimer, TimerInfo keepaliveTimer,
                      String lastError) {

    /** The "Session:" line's flags. The add-path and ext-messages flags are shown by bird1 only. */
    public record Session(boolean internal, boolean multihop, boolean routeReflector, boolean routeServer,
                          boolean as4, boolean addPathRx, boolean addPathTx, boolean extMessages) {}
}
