package org.bgpd.control;

import java.util.List;

/**
 * One side's BGP capabilities as {@code show protocols all} lists them. Address families are
 * BIRD's names ("ipv4", "ipv6"). Immutable; safe to share.
 *
 * @param grAfSupported families with the graceful-restart capability (RFC 4724 §3); non-empty
 *     means "restart-able"
 * @param grAfPreserved families with the Forwarding State bit set
 */
public record BgpCaps(List<String> afAnnounced, boolean routeRefresh, boolean extendedMessages,
                      boolean grAware, int grTime, boolean grRestart, List<String> grAfSupported,
                      List<String> grAfPreserved, boolean as4, List<String> addPathRx,
                      List<String> addPathTx, boolean enhancedRefresh, boolean llgrAware,
                      int llgrStaleTime, List<String> llgrAfSupported, List<String> llgrAfPreserved) {

    public BgpCaps {
        afAnnounced = List.copyOf(afAnnounced);
        grAfSupported = List.copyOf(grAfSupported);
        grAfPreserved = List.copyOf(grAfPreserved);
        addPathRx = List.copyOf(addPathRx);
        addPathTx = List.copyOf(addPathTx);
        llgrAfSupported = List.copyOf(llgrAfSupported);
        llgrAfPreserved = List.copyOf(llgrAfPreserved);
    }
}
