package org.bgpd.config.model;

/** Immutable; safe to share. Kernel route types the policy and learn filter can tell apart. */
public enum RouteType { UNICAST, BLACKHOLE, UNREACHABLE }
