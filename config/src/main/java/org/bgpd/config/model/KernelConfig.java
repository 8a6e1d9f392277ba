package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Immutable; safe to share. Kernel FIB synchronisation: which kernel routes to learn and which
 * best routes to install (as protocol {@code protocol}, default 186 = RTPROT_BGP, in {@code table}).
 * {@code gracefulRestart}: a stop (SIGTERM) leaves our routes in the kernel for the next run to
 * adopt, as for an RFC 4724 restart, instead of removing them. The fib-sync module extends this record.
 */
public record KernelConfig(
        boolean enabled,
        int table,
        int protocol,
        Optional<LearnFilter> learn,
        List<String> exportPolicies,
        boolean gracefulRestart) {

    public static final int MAIN_TABLE = 254;
    public static final int RTPROT_BGP = 186;

    public static final KernelConfig DISABLED =
            new KernelConfig(false, MAIN_TABLE, RTPROT_BGP, Optional.empty(), List.of(PolicyConfig.ALL));

    public KernelConfig {
        exportPolicies = List.copyOf(exportPolicies);
    }

    /** Routes removed on stop. */
    public KernelConfig(boolean enabled, int table, int protocol, Optional<LearnFilter> learn, List<String> exportPolicies) {
        this(enabled, table, protocol, learn, exportPolicies, false);
    }
}
