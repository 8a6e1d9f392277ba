package org.bgpd.config.model;

/**
 * Immutable; safe to share. Graceful restart (RFC 4724) and long-lived graceful restart (RFC 9494)
 * as advertised to a peer. {@code restartTime} is 12 bits (RFC 4724 §3), {@code longLivedStaleTime} 24 bits.
 */
public record GracefulRestart(boolean enabled, int restartTime, long longLivedStaleTime) {

    public static final GracefulRestart DEFAULT = new GracefulRestart(true, 120, 0);
}
