package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Immutable; safe to share. Everything about a session except who the neighbor is: shared by
 * {@link PeerConfig} and {@link DynamicPeerConfig}. Families are sorted (ipv4 before ipv6), each
 * with its import and export policies already resolved from the peer-level defaults.
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
        boolean disabled) {

    public PeerSettings {
        families = List.copyOf(families);
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
