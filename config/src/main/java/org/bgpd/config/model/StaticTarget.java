package org.bgpd.config.model;

/** Immutable; safe to share. Where a static route leads. */
public sealed interface StaticTarget {

    record Blackhole() implements StaticTarget {
    }

    record Unreachable() implements StaticTarget {
    }

    record NextHop(IpAddress address) implements StaticTarget {
    }
}
