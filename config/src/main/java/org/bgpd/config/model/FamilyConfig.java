package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Immutable; safe to share. One address family on a session (BIRD's channel). Policies are
 * evaluated as a chain: a policy whose verdict is {@code next} passes the route to the following
 * one; falling off the end of the chain rejects. An empty chain was not configured: the RIB then
 * applies RFC 8212's default (eBGP nothing, iBGP everything).
 */
public record FamilyConfig(
        Family family,
        AddPath addPath,
        List<String> importPolicies,
        List<String> exportPolicies,
        Optional<MaxPrefix> maxPrefix) {

    public FamilyConfig {
        importPolicies = List.copyOf(importPolicies);
        exportPolicies = List.copyOf(exportPolicies);
    }

    /** RFC 7911 ADD-PATH direction. */
    public enum AddPath { OFF, SEND, RECEIVE, BOTH }
}
