package org.bgpd.conformance;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a filter did to a route: rejected, or accepted with these communities ({@code a:b}) and
 * large communities ({@code a:b:c}) added and this kernel device ({@code krt_tunnel}; null for
 * none). Comparable across BIRD and bgpd by equality. Immutable once built.
 */
record FilterOutcome(boolean accepted, SortedSet<String> communities, SortedSet<String> largeCommunities, String device) {

    static final FilterOutcome REJECTED = new FilterOutcome(false, new TreeSet<>(), new TreeSet<>(), null);

    /** The accept/reject part only, for slots where attributes do not matter. */
    FilterOutcome verdictOnly() {
        return accepted ? new FilterOutcome(true, new TreeSet<>(), new TreeSet<>(), null) : REJECTED;
    }

    @Override
    public String toString() {
        if (!accepted) return "reject";
        return "accept" + (communities.isEmpty() ? "" : " communities " + communities)
                + (largeCommunities.isEmpty() ? "" : " large " + largeCommunities) + (device == null ? "" : " dev " + device);
    }
}
