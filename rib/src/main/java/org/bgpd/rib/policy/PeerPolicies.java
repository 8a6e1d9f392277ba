package org.bgpd.rib.policy;

import org.bgpd.rib.route.Family;

/**
 * The import and export chains configured for one peer, per family; {@code null} means none was
 * configured, and the RIB applies RFC 8212's default ({@link PolicyChain#importFor}).
 * Immutable; safe to share.
 */
public record PeerPolicies(PolicyChain importV4, PolicyChain exportV4, PolicyChain importV6, PolicyChain exportV6) {

    /** Nothing configured: RFC 8212 defaults in both directions. */
    public static final PeerPolicies UNSET = new PeerPolicies(null, null, null, null);

    /** The same chains for both families. */
    public static PeerPolicies of(PolicyChain importChain, PolicyChain exportChain) {
        return new PeerPolicies(importChain, exportChain, importChain, exportChain);
    }

    public PolicyChain importChain(Family f) { return f == Family.IPV4_UNICAST ? importV4 : importV6; }

    public PolicyChain exportChain(Family f) { return f == Family.IPV4_UNICAST ? exportV4 : exportV6; }
}
