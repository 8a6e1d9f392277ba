package org.bgpd.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.bgpd.fsm.FsmConfig;

/**
 * Transport settings of one peer plus its FSM configuration. {@code localAddress} null lets the
 * kernel choose; {@code md5Key} null means no TCP-MD5 (RFC 2385); {@code ttl} 0 keeps the kernel
 * default (BIRD uses 1 for direct eBGP and the multihop value otherwise); with
 * {@code ttlSecurity} (GTSM, RFC 5082) we send with TTL 255 and drop packets below 256 - hops.
 * Immutable by convention (the key array is not copied).
 */
public record PeerSettings(
        String name,
        InetSocketAddress remote,
        InetAddress localAddress,
        byte[] md5Key,
        int ttl,
        boolean ttlSecurity,
        int hops,
        FsmConfig fsm) {

    public PeerSettings {
        if (md5Key != null && md5Key.length > 80) throw new IllegalArgumentException("TCP-MD5 keys are at most 80 bytes");
        if (ttlSecurity && (hops < 1 || hops > 255)) throw new IllegalArgumentException("hops " + hops);
    }
}
