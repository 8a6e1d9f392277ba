package org.bgpd.daemon;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;

/**
 * Stateless; safe from any thread. The minimum TTL for the listening socket. GTSM (RFC 5082 §3) protects a session only if the
 * check covers its first packets too: set on the accepted socket alone, a SYN, the handshake and
 * an OPEN from a far-away sender can arrive before the option does. One listener serves every
 * peer, so it can check only what all of them promise: when every configured and dynamic peer
 * has {@code ttl-security}, the lowest of their minimums (256 - hops); otherwise 0 (no check
 * there; the accepted socket still gets its peer's own minimum).
 */
final class ListenerTtl {
    private ListenerTtl() {}

    static int minTtl(DaemonConfig cfg) {
        if (cfg.peers().isEmpty() && cfg.dynamicPeers().isEmpty()) return 0;
        int min = 255;
        for (PeerConfig p : cfg.peers()) {
            int m = peerMinimum(p.settings());
            if (m == 0) return 0;
            min = Math.min(min, m);
        }
        for (DynamicPeerConfig d : cfg.dynamicPeers()) {
            int m = peerMinimum(d.settings());
            if (m == 0) return 0;
            min = Math.min(min, m);
        }
        return min;
    }

    /** As SessionSettingsFactory: GTSM with multihop N accepts TTL >= 256 - N; 0 without GTSM. */
    private static int peerMinimum(PeerSettings s) {
        if (!s.ttlSecurity()) return 0;
        return 256 - Math.max(1, s.multihop().orElse(1));
    }
}
