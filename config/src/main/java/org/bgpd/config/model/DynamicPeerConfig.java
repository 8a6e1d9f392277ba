package org.bgpd.config.model;

import java.util.List;

/**
 * Immutable; safe to share. Accepts incoming sessions from any address in {@code acceptFrom} whose
 * AS lies in {@code remoteAs}; each session is named {@code name} followed by its address.
 */
public record DynamicPeerConfig(String name, IpPrefix acceptFrom, List<AsRange> remoteAs, int limit, PeerSettings settings) {

    public DynamicPeerConfig {
        remoteAs = List.copyOf(remoteAs);
    }
}
