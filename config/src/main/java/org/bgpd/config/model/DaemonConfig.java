package org.bgpd.config.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable; safe to share. The whole daemon configuration after loading: defaults applied,
 * templates expanded into every peer, every name reference checked. Maps are keyed by name.
 */
public record DaemonConfig(
        IpAddress routerId,
        long localAs,
        Listen listen,
        List<ControlSocket> controlSockets,
        LogLevel logLevel,
        IpAddress clusterId,
        GracefulRestart gracefulRestart,
        List<PeerConfig> peers,
        List<DynamicPeerConfig> dynamicPeers,
        List<StaticRoute> staticRoutes,
        Map<String, PrefixList> prefixLists,
        Map<String, PolicyConfig> policies,
        KernelConfig kernel,
        Optional<ConfdConfig> confd) {

    /** A configuration without a {@code confd:} section. */
    public DaemonConfig(IpAddress routerId, long localAs, Listen listen, List<ControlSocket> controlSockets,
                        LogLevel logLevel, IpAddress clusterId, GracefulRestart gracefulRestart, List<PeerConfig> peers,
                        List<DynamicPeerConfig> dynamicPeers, List<StaticRoute> staticRoutes,
                        Map<String, PrefixList> prefixLists, Map<String, PolicyConfig> policies, KernelConfig kernel) {
        this(routerId, localAs, listen, controlSockets, logLevel, clusterId, gracefulRestart, peers, dynamicPeers,
                staticRoutes, prefixLists, policies, kernel, Optional.empty());
    }

    public DaemonConfig {
        controlSockets = List.copyOf(controlSockets);
        peers = List.copyOf(peers);
        dynamicPeers = List.copyOf(dynamicPeers);
        staticRoutes = List.copyOf(staticRoutes);
        prefixLists = Map.copyOf(prefixLists);
        policies = Map.copyOf(policies);
    }

    public PeerConfig peer(String name) {
        for (PeerConfig p : peers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
