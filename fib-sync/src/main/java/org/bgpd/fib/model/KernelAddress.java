package org.bgpd.fib.model;

import org.bgpd.rib.route.Prefix;

/**
 * An interface address (RTM_NEWADDR): the address as a host prefix plus its prefix length on
 * the link. Immutable; safe to share.
 */
public record KernelAddress(int ifindex, Prefix address, int prefixLength, int scope) {}
