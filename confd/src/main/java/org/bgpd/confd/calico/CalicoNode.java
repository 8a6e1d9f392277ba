package org.bgpd.confd.calico;

import java.util.Map;

/**
 * What the derivation needs of one Calico Node resource: its labels and BGP addresses.
 * {@code ipv4}/{@code ipv6} are bare addresses ("" when unset), {@code network4}/{@code network6}
 * the subnet of the {@code ip/len} form, {@code asNumber} "" when the node uses the global AS.
 * Immutable; safe to share.
 */
record CalicoNode(String name, Map<String, String> labels, String ipv4, String network4,
                  String ipv6, String network6, String asNumber, String rrClusterId) {

    CalicoNode {
        labels = Map.copyOf(labels);
    }

    static CalicoNode from(String name, Map<String, Object> resource) {
        String v4 = Fields.string(resource, "spec", "bgp", "ipv4Address");
        String v6 = Fields.string(resource, "spec", "bgp", "ipv6Address");
        return new CalicoNode(name, Fields.strings(resource, "metadata", "labels"),
                Cidrs.address(v4), Cidrs.network(v4), Cidrs.address(v6), Cidrs.network(v6),
                Fields.string(resource, "spec", "bgp", "asNumber"),
                Fields.string(resource, "spec", "bgp", "routeReflectorClusterID"));
    }

    /** This node's AS, or {@code globalAs} when it has none of its own. */
    String effectiveAs(String globalAs) {
        return asNumber.isEmpty() ? globalAs : asNumber;
    }
}
