package org.bgpd.rib.testing;

import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.table.PeerInfo;

/**
 * RFC 8212 makes an eBGP peer without policies import and export nothing; tests of other
 * features give their eBGP peers {@code all} both ways with {@link #open}. Stateless.
 */
public final class OpenPolicies {
    public static final PeerPolicies ALL = PeerPolicies.of(PolicyChain.ALL, PolicyChain.ALL);

    private OpenPolicies() {}

    public static PeerInfo open(PeerInfo p) { return p.withPolicies(ALL); }
}
