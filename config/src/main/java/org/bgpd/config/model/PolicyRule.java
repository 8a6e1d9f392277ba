package org.bgpd.config.model;

/** Immutable; safe to share. One policy rule: if {@code match} holds, apply {@code changes}, then {@code verdict}. */
public record PolicyRule(RouteMatch match, RouteChanges changes, Verdict verdict) {
}
