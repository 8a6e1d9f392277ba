package org.bgpd.config.model;

import java.util.List;
import java.util.OptionalLong;

/** Immutable; safe to share. A route the daemon originates itself, with optional BGP attributes. */
public record StaticRoute(
        IpPrefix prefix,
        StaticTarget target,
        List<Community> communities,
        List<LargeCommunity> largeCommunities,
        OptionalLong localPref,
        OptionalLong med) {

    public StaticRoute {
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
    }
}
