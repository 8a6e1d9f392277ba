package org.bgpd.rib.policy;

import java.util.List;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;

/**
 * One condition of a policy rule. A rule's conditions must all hold; within one condition any
 * listed value may match. Conditions read the route as it entered the chain (earlier rules'
 * changes are not visible to later matches). Arrays are never modified after construction.
 * Immutable; safe to share.
 */
public sealed interface Condition {

    boolean holds(RouteInput r);

    /** The prefix matches a range (BIRD {@code net = P}, {@code net ~ [P{a,b}]}); {@code list} names a prefix list, or null. */
    record PrefixIn(String list, PrefixRange[] ranges) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            for (PrefixRange x : ranges) if (x.matches(r.family, r.hi, r.lo, r.length)) return true;
            return false;
        }
    }

    /** RFC 1997 communities, as 32-bit values; any present. */
    record CommunityIn(int[] communities) implements Condition {
        @Override
        public boolean holds(RouteInput r) { return AttrsScan.anyCommunity(r.attrs, communities); }
    }

    /** RFC 8092 large communities, flattened global/data1/data2; any present. */
    record LargeCommunityIn(int[] triples) implements Condition {
        @Override
        public boolean holds(RouteInput r) { return AttrsScan.anyLargeCommunity(r.attrs, triples); }
    }

    /** The AS path contains any of these AS numbers. */
    record AsPathContains(int[] asns) implements Condition {
        @Override
        public boolean holds(RouteInput r) { return AttrsScan.asPathContains(r.attrs, asns); }
    }

    /** The originating AS (last of the path) is one of these; a path ending in an AS_SET has none. */
    record OriginAsIn(int[] asns) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            int o = r.attrs.originAs();
            if (o == 0) return false;
            for (int x : asns) if (x == o) return true;
            return false;
        }
    }

    /** The next hop lies in one of these prefixes (a host prefix for one address); "self" never matches. */
    record NextHopIn(Prefix[] prefixes) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            NextHop nh = r.attrs.nextHop();
            if (nh.isSelf()) return false;
            for (Prefix p : prefixes) if (PrefixRange.inside(p, nh.family(), nh.hi(), nh.lo())) return true;
            return false;
        }
    }

    /** Learned from a peer with one of these addresses (host prefixes). */
    record NeighborIn(Prefix[] addresses) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            if (!r.from.isBgp()) return false;
            for (Prefix p : addresses) if (p.equals(r.from.address())) return true;
            return false;
        }
    }

    record FamilyIs(Family family) implements Condition {
        @Override
        public boolean holds(RouteInput r) { return r.family == family; }
    }

    /** Where the route entered the daemon: a BGP session, a static route, the kernel FIB. */
    record SourceIn(List<PeerKind> kinds) implements Condition {
        public SourceIn {
            kinds = List.copyOf(kinds);
        }

        @Override
        public boolean holds(RouteInput r) {
            PeerKind k = r.from.kind();
            for (int i = 0; i < kinds.size(); i++) if (kinds.get(i) == k) return true;
            return false;
        }
    }

    /** A kernel-learned route whose device matches a glob ({@link InterfaceGlob}); routes without a device never match. */
    record InterfaceLike(String[] globs) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            if (r.kernel == null || r.kernel.device() == null) return false;
            for (String g : globs) if (InterfaceGlob.matches(g, r.kernel.device())) return true;
            return false;
        }
    }

    /** A kernel-learned route with one of these protocol numbers (RTPROT_*). */
    record KernelProtocolIn(int[] protocols) implements Condition {
        @Override
        public boolean holds(RouteInput r) {
            if (r.kernel == null) return false;
            for (int p : protocols) if (p == r.kernel.protocol()) return true;
            return false;
        }
    }

    /** A kernel-learned route of one of these types. */
    record KernelTypeIn(List<KernelFacts.Type> types) implements Condition {
        public KernelTypeIn {
            types = List.copyOf(types);
        }

        @Override
        public boolean holds(RouteInput r) { return r.kernel != null && types.contains(r.kernel.type()); }
    }

    /** Holds when the nested conditions do not all hold (BIRD {@code !~}, {@code !=}). */
    record Not(List<Condition> all) implements Condition {
        public Not {
            all = List.copyOf(all);
        }

        @Override
        public boolean holds(RouteInput r) { return !allHold(all, r); }
    }

    /** True when every condition holds (an empty list holds). */
    static boolean allHold(List<Condition> conditions, RouteInput r) {
        for (int i = 0; i < conditions.size(); i++) if (!conditions.get(i).holds(r)) return false;
        return true;
    }
}
