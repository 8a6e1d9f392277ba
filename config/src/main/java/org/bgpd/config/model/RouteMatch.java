package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Immutable; safe to share. Conditions on a route. Different conditions must all hold; a list
 * within one condition holds if any element matches; empty lists are no condition. {@code not}
 * holds when its nested conditions do not all hold (BIRD's {@code !~}).
 */
public record RouteMatch(
        List<PrefixMatch> prefixes,
        List<String> prefixLists,
        List<Community> communities,
        List<LargeCommunity> largeCommunities,
        List<Long> asPathContains,
        List<Long> originAs,
        List<IpPrefix> nextHops,
        List<IpAddress> neighborAddresses,
        List<String> neighborPeers,
        List<Family> families,
        List<RouteSource> sources,
        List<String> interfaces,
        List<Integer> kernelProtocols,
        List<RouteType> routeTypes,
        Optional<RouteMatch> not) {

    public static final RouteMatch ANY = new RouteMatch(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            Optional.empty());

    public RouteMatch {
        prefixes = List.copyOf(prefixes);
        prefixLists = List.copyOf(prefixLists);
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
        asPathContains = List.copyOf(asPathContains);
        originAs = List.copyOf(originAs);
        nextHops = List.copyOf(nextHops);
        neighborAddresses = List.copyOf(neighborAddresses);
        neighborPeers = List.copyOf(neighborPeers);
        families = List.copyOf(families);
        sources = List.copyOf(sources);
        interfaces = List.copyOf(interfaces);
        kernelProtocols = List.copyOf(kernelProtocols);
        routeTypes = List.copyOf(routeTypes);
    }

    public boolean isAny() {
        return equals(ANY);
    }
}
