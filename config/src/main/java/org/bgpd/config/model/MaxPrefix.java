package org.bgpd.config.model;

/**
 * Immutable; safe to share. Import limit on a family (RFC 4486 cease subcode 1 when it resets).
 * {@code restartAfter} (seconds) is only meaningful for {@link Action#RESTART}, else 0.
 */
public record MaxPrefix(long limit, Action action, int restartAfter) {

    public enum Action { WARN, BLOCK, RESTART, DISABLE }
}
