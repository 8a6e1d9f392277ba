package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Immutable; safe to share. Everything about a session except who the neighbor is: shared by
 * {@link PeerConfig} and {@link DynamicPeerConfig}. Families are sorted (ipv4 before ipv6), each
 * with its import and export policies already resolved from the peer-level defaults.
 * {@code localAs} is the AS presented on this session (BIRD's per-protocol {@code local as}),
 * empty for the daemon's; {@code allowLocalAs} is how many times that AS may appear in a
 * received AS_PATH before the route counts as a loop (BIRD's {@code allow local as}, default 0).
 */
public record PeerSettings(
        Optional<IpAddress> localAddress,
        int port,
        boolean passive,
        Optional<String> password,
        Timers timers,
        List<FamilyConfig> families,
        boolean rrClient,
        boolean nextHopSelf,
        boolean nextHopKeep,
        GracefulRestart gracefulRestart,
        OptionalInt multihop,
        boolean ttlSecurity,
        boolean disabled,
        OptionalLong localAs,
        int allowLocalAs) {

    public PeerSettings {
        families = List.copyOf(families);
        if (allowLocalAs < 0) {
            throw new IllegalArgumentException("allowLocalAs " + allowLocalAs);
        }
    }

    /** Settings that present the daemon's AS and allow it nowhere in received paths. */
    public PeerSettings(Optional<IpAddress> localAddress, int port, boolean passive, Optional<String> password,
                        Timers timers, List<FamilyConfig> families, boolean rrClient, boolean nextHopSelf,
                        boolean nextHopKeep, GracefulRestart gracefulRestart, OptionalInt multihop,
                        boolean ttlSecurity, boolean disabled) {
        this(localAddress, port, passive, password, timers, families, rrClient, nextHopSelf, nextHopKeep,
                gracefulRestart, multihop, ttlSecurity, disabled, OptionalLong.empty(), 0);
    }

    /** The AS this session presents: its own {@code local-as}, else the daemon's. */
    public long effectiveLocalAs(long daemonAs) {
        return localAs.orElse(daemonAs);
    }

    public FamilyConfig family(Family f) {
        for (FamilyConfig fc : families) {
            if (fc.family() == f) {
                return fc;
            }
        }
        return null;
    }
}
