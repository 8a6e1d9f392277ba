package org.bgpd.wire;

import java.util.Arrays;
import java.util.List;
import org.bgpd.rib.route.Family;

/**
 * An OPEN capability (RFC 5492). Unknown codes are kept as {@link Unknown} and ignored
 * (RFC 5492 §4). Immutable.
 */
public sealed interface Capability {

    int code();

    int MULTIPROTOCOL = 1;          // RFC 4760
    int ROUTE_REFRESH = 2;          // RFC 2918
    int EXTENDED_NEXT_HOP = 5;      // RFC 8950
    int EXTENDED_MESSAGE = 6;       // RFC 8654
    int GRACEFUL_RESTART = 64;      // RFC 4724
    int FOUR_OCTET_AS = 65;         // RFC 6793
    int ADD_PATH = 69;              // RFC 7911
    int ENHANCED_ROUTE_REFRESH = 70; // RFC 7313
    int LONG_LIVED_GR = 71;         // RFC 9494

    /** Multiprotocol extensions for one AFI/SAFI; {@code family} null when we do not carry the pair. */
    record Multiprotocol(int afi, int safi) implements Capability {
        public static Multiprotocol of(Family f) { return new Multiprotocol(f.afi(), f.safi()); }

        public Family family() { return Family.of(afi, safi); }

        public int code() { return MULTIPROTOCOL; }
    }

    record RouteRefreshCap() implements Capability {
        public int code() { return ROUTE_REFRESH; }
    }

    record EnhancedRouteRefresh() implements Capability {
        public int code() { return ENHANCED_ROUTE_REFRESH; }
    }

    record ExtendedMessage() implements Capability {
        public int code() { return EXTENDED_MESSAGE; }
    }

    record FourOctetAs(long as) implements Capability {
        public int code() { return FOUR_OCTET_AS; }
    }

    /** RFC 4724 §3: restart flags (R = restarting, N = RFC 8538 notification support), time, families. */
    record GracefulRestart(boolean restarting, boolean notification, int restartTime, List<GrFamily> families)
            implements Capability {
        public GracefulRestart {
            families = List.copyOf(families);
        }

        public int code() { return GRACEFUL_RESTART; }
    }

    /** One family in the GR capability; {@code forwardingPreserved} is the F bit. */
    record GrFamily(int afi, int safi, boolean forwardingPreserved) {}

    /** RFC 9494 §2: per-family long-lived stale time (24 bits, seconds). */
    record LongLivedGracefulRestart(List<LlgrFamily> families) implements Capability {
        public LongLivedGracefulRestart {
            families = List.copyOf(families);
        }

        public int code() { return LONG_LIVED_GR; }
    }

    record LlgrFamily(int afi, int safi, boolean forwardingPreserved, int staleTime) {}

    /** RFC 7911 §4: per family, whether the speaker can send and/or receive multiple paths. */
    record AddPath(List<AddPathFamily> families) implements Capability {
        public AddPath {
            families = List.copyOf(families);
        }

        public int code() { return ADD_PATH; }
    }

    record AddPathFamily(int afi, int safi, boolean receive, boolean send) {}

    /** RFC 8950: NLRI family carried with a next hop of another AFI. */
    record ExtendedNextHop(List<ExtendedNextHopFamily> families) implements Capability {
        public ExtendedNextHop {
            families = List.copyOf(families);
        }

        public int code() { return EXTENDED_NEXT_HOP; }
    }

    record ExtendedNextHopFamily(int nlriAfi, int nlriSafi, int nextHopAfi) {}

    record Unknown(int code, byte[] value) implements Capability {
        @Override
        public boolean equals(Object o) { return o instanceof Unknown u && u.code == code && Arrays.equals(u.value, value); }

        @Override
        public int hashCode() { return 31 * code + Arrays.hashCode(value); }
    }
}
