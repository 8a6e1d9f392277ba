package org.bgpd.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Immutable; safe to share. Kernel FIB synchronisation: which kernel routes to learn and which
 * best routes to install (as protocol {@code protocol}, default 186 = RTPROT_BGP, in {@code table}).
 * The fib-sync module extends this record.
 */
public record KernelConfig(
        boolean enabled,
        int table,
        int protocol,
        Optional<LearnFilter> learn,
        List<String> exportPolicies) {

    public static final int MAIN_TABLE = 254;
    public static final int RTPROT_BGP = 186;

    public static final KernelConfig DISABLED =
            new KernelConfig(false, MAIN_TABLE, RTPROT_BGP, Optional.empty(), List.of(PolicyConfig.ALL));

    public KernelConfig {
        exportPolicies = List.copyOf(exportPolicies);
    }
}
