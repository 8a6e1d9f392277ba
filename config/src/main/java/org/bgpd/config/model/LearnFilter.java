package org.bgpd.config.model;

import java.util.List;

/**
 * Immutable; safe to share. Which kernel routes become BGP routes. Each list, when non-empty, must
 * match (any element); empty lists match everything. Routes the daemon installed itself are never learnt.
 */
public record LearnFilter(
        List<String> interfaces,
        List<Integer> protocols,
        List<RouteType> types,
        List<Integer> tables,
        List<PrefixMatch> prefixes) {

    public LearnFilter {
        interfaces = List.copyOf(interfaces);
        protocols = List.copyOf(protocols);
        types = List.copyOf(types);
        tables = List.copyOf(tables);
        prefixes = List.copyOf(prefixes);
    }
}
