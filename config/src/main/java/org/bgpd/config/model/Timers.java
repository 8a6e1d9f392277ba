package org.bgpd.config.model;

/** Immutable; safe to share. Session timers in seconds (RFC 4271 §10). */
public record Timers(int holdTime, int keepaliveTime, int connectRetryTime) {

    public static final int DEFAULT_HOLD = 90;
    public static final int DEFAULT_CONNECT_RETRY = 120;
}
