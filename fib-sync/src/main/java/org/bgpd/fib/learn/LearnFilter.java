package org.bgpd.fib.learn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.Prefix;

/**
 * Which kernel routes become BGP routes: a route is learned when any {@link LearnRule} matches.
 * No rules learns nothing. Routes bgpd installed itself (its own protocol) are never learned,
 * so exported routes cannot come back as originated ones. Pure; immutable; safe to share.
 */
public record LearnFilter(List<LearnRule> rules, int ownProtocol) {

    public LearnFilter {
        rules = List.copyOf(rules);
    }

    public static LearnFilter none(int ownProtocol) { return new LearnFilter(List.of(), ownProtocol); }

    public boolean learns(KernelRoute r) {
        if (r.protocol() == ownProtocol) return false;
        for (LearnRule rule : rules) if (rule.matches(r)) return true;
        return false;
    }

    /** Builds one rule from config-style text values; names are resolved through {@code names}. */
    public static final class RuleBuilder {
        private final ProtocolNames names;
        private final Set<Integer> tables = new HashSet<>();
        private final Set<Integer> protocols = new HashSet<>();
        private final List<InterfaceGlob> interfaces = new ArrayList<>();
        private final Set<RouteType> types = new HashSet<>();
        private final List<PrefixRange> prefixes = new ArrayList<>();

        public RuleBuilder(ProtocolNames names) { this.names = names; }

        public RuleBuilder table(int t) {
            tables.add(t);
            return this;
        }

        /** "boot", "80", "bird"; throws IllegalArgumentException for an unknown name. */
        public RuleBuilder protocol(String nameOrNumber) {
            int p = names.resolve(nameOrNumber);
            if (p < 0) throw new IllegalArgumentException("unknown route protocol '" + nameOrNumber + "'");
            protocols.add(p);
            return this;
        }

        public RuleBuilder iface(String glob) {
            interfaces.add(new InterfaceGlob(glob));
            return this;
        }

        /** "blackhole", "unreachable", "unicast"...; throws IllegalArgumentException for others. */
        public RuleBuilder type(String name) {
            RouteType t = RouteType.byName(name);
            if (t == null) throw new IllegalArgumentException("unknown route type '" + name + "'");
            types.add(t);
            return this;
        }

        public RuleBuilder prefix(String range) {
            prefixes.add(PrefixRange.parse(range));
            return this;
        }

        public RuleBuilder prefix(Prefix p, int ge, int le) {
            prefixes.add(new PrefixRange(p, ge, le));
            return this;
        }

        public LearnRule build() { return new LearnRule(tables, protocols, interfaces, types, prefixes); }
    }
}
