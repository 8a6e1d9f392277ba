package org.bgpd.fsm;

/** The per-session timers (RFC 4271 §8; IDLE_HOLD is the damped restart back-off, §8.1.1). */
public enum Timer {
    CONNECT_RETRY,
    HOLD,
    KEEPALIVE,
    IDLE_HOLD,
    /** RFC 9687: our writes have not drained for this long. */
    SEND_HOLD,
    /**
     * Started when a session reaches Established; when it fires the session has stayed up long
     * enough that the idle-hold back-off starts again from its minimum (BIRD's "error forget time").
     */
    ERROR_FORGET
}
