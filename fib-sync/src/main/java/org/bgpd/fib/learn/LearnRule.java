package org.bgpd.fib.learn;

import java.util.List;
import java.util.Set;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;

/**
 * One way a kernel route qualifies to become a BGP route: every criterion given must hold, an
 * empty criterion accepts anything. Within a criterion any element may match (any of the
 * tables, any next hop's interface). Immutable; safe to share.
 */
public record LearnRule(Set<Integer> tables, Set<Integer> protocols, List<InterfaceGlob> interfaces,
                        Set<RouteType> types, List<PrefixRange> prefixes) {

    public LearnRule {
        tables = Set.copyOf(tables);
        protocols = Set.copyOf(protocols);
        interfaces = List.copyOf(interfaces);
        types = Set.copyOf(types);
        prefixes = List.copyOf(prefixes);
    }

    public boolean matches(KernelRoute r) {
        if (!tables.isEmpty() && !tables.contains(r.table())) return false;
        if (!protocols.isEmpty() && !protocols.contains(r.protocol())) return false;
        if (!types.isEmpty() && !types.contains(r.type())) return false;
        if (!interfaces.isEmpty() && !anyInterface(r)) return false;
        if (!prefixes.isEmpty()) {
            boolean any = false;
            for (PrefixRange p : prefixes) any |= p.matches(r.prefix());
            if (!any) return false;
        }
        return true;
    }

    private boolean anyInterface(KernelRoute r) {
        for (KernelNextHop h : r.nextHops())
            for (InterfaceGlob g : interfaces) if (g.matches(h.ifname())) return true;
        return false;
    }
}
