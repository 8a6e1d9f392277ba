package org.bgpd.rib.wire;

import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;

/**
 * What the encoder must know about the receiving peer(s), fixed at OPEN and shared by an update
 * group: 4-octet AS support (RFC 6793 §4.2.2: 2-octet peers get AS_TRANS plus AS4_PATH /
 * AS4_AGGREGATOR), ADD-PATH send per family (RFC 7911), the maximum message size (4096, or
 * 65535 with Extended Messages, RFC 8654), and the next hops that replace {@link NextHop#SELF}
 * (for IPv6 a global address with an optional link-local one, RFC 2545 §3), and the families
 * whose receivers negotiated long-lived graceful restart: only they may be sent routes tagged
 * LLGR_STALE (RFC 9494 §4.3).
 * Immutable; safe to share.
 */
public record EncodeContext(boolean fourOctetAs, Set<Family> addPathSend, int maxMessageSize, NextHop selfV4, NextHop selfV6,
                            Set<Family> longLivedGr) {
    public static final int HEADER_SIZE = 19;
    public static final int STANDARD_MAX = 4096;
    public static final int EXTENDED_MAX = 65535;

    public EncodeContext {
        addPathSend = Set.copyOf(addPathSend);
        longLivedGr = Set.copyOf(longLivedGr);
        if (maxMessageSize < 64 || maxMessageSize > EXTENDED_MAX) throw new IllegalArgumentException("max message size " + maxMessageSize);
    }

    /** Receivers without long-lived graceful restart. */
    public EncodeContext(boolean fourOctetAs, Set<Family> addPathSend, int maxMessageSize, NextHop selfV4, NextHop selfV6) {
        this(fourOctetAs, addPathSend, maxMessageSize, selfV4, selfV6, Set.of());
    }

    /** A 4-octet peer without ADD-PATH and standard 4096-byte messages. */
    public static EncodeContext of(NextHop selfV4, NextHop selfV6) {
        return new EncodeContext(true, Set.of(), STANDARD_MAX, selfV4, selfV6);
    }

    public boolean addPath(Family f) { return addPathSend.contains(f); }

    /** True when the receivers negotiated LLGR for {@code f} and so may be sent LLGR_STALE routes (RFC 9494 §4.3). */
    public boolean longLivedGr(Family f) { return longLivedGr.contains(f); }

    /** Largest UPDATE body: the message size less the 19-byte header. */
    public int maxBody() { return maxMessageSize - HEADER_SIZE; }

    public EncodeContext withFourOctetAs(boolean four) { return new EncodeContext(four, addPathSend, maxMessageSize, selfV4, selfV6, longLivedGr); }

    public EncodeContext withAddPath(Set<Family> send) { return new EncodeContext(fourOctetAs, send, maxMessageSize, selfV4, selfV6, longLivedGr); }

    public EncodeContext withMaxMessageSize(int max) { return new EncodeContext(fourOctetAs, addPathSend, max, selfV4, selfV6, longLivedGr); }

    public EncodeContext withLongLivedGr(Set<Family> families) {
        return new EncodeContext(fourOctetAs, addPathSend, maxMessageSize, selfV4, selfV6, families);
    }
}
