package org.bgpd.daemon;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.fib.learn.LearnFilter;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.PolicyChain;

/**
 * Opens the daemon's own policy compilation and kernel learn filter to the Calico conformance
 * test (org.bgpd.conformance), so it judges routes with exactly what the daemon runs.
 * Stateless; safe to share.
 */
public final class ConformanceAccess {

    /** The compiled chains the daemon would give a peer with these settings. */
    public static PeerPolicies peerPolicies(DaemonConfig config, PeerSettings settings) {
        return new PolicyCompiler(config).peer(settings);
    }

    /** The compiled {@code kernel.export} chain. */
    public static PolicyChain kernelExport(DaemonConfig config) {
        return new PolicyCompiler(config).kernelExport();
    }

    /** Which kernel routes the daemon learns ({@code kernel.learn}). */
    public static LearnFilter learnFilter(DaemonConfig config) {
        return KernelSync.learnFilter(config.kernel());
    }

    private ConformanceAccess() {}
}
