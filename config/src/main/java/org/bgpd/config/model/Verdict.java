package org.bgpd.config.model;

/** Immutable; safe to share. What a policy rule or a policy's default does with a route. */
public enum Verdict { ACCEPT, REJECT, NEXT }
