package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Immutable; safe to share. Attribute changes a matching rule applies. {@code kernelDevice} and
 * {@code onlink} only matter on the kernel export (Calico's IPIP {@code krt_tunnel = "tunl0"}).
 */
public record RouteChanges(
        OptionalLong localPref,
        OptionalLong med,
        CommunityEdit<Community> communities,
        CommunityEdit<LargeCommunity> largeCommunities,
        Optional<NextHopChange> nextHop,
        Optional<AsPathPrepend> asPathPrepend,
        Optional<String> kernelDevice,
        boolean onlink) {

    public static final RouteChanges NONE = new RouteChanges(OptionalLong.empty(), OptionalLong.empty(),
            CommunityEdit.none(), CommunityEdit.none(), Optional.empty(), Optional.empty(), Optional.empty(), false);

    public boolean isNone() {
        return equals(NONE);
    }

    /** Add or remove values, or replace the whole set (an empty replacement clears it). */
    public record CommunityEdit<T>(List<T> add, List<T> remove, Optional<List<T>> replace) {

        public CommunityEdit {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
            replace = replace.map(List::copyOf);
        }

        public static <T> CommunityEdit<T> none() {
            return new CommunityEdit<>(List.of(), List.of(), Optional.empty());
        }

        public boolean isNone() {
            return add.isEmpty() && remove.isEmpty() && replace.isEmpty();
        }
    }

    /** Prepend {@code as} to the AS path {@code count} times. */
    public record AsPathPrepend(long as, int count) {
    }

    /** The next hop to set. */
    public sealed interface NextHopChange {
        record Self() implements NextHopChange {
        }

        record Keep() implements NextHopChange {
        }

        record Address(IpAddress address) implements NextHopChange {
        }
    }
}
