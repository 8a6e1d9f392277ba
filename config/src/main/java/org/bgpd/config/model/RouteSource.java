package org.bgpd.config.model;

/** Immutable; safe to share. Where a route entered the daemon. */
public enum RouteSource { BGP, STATIC, KERNEL }
