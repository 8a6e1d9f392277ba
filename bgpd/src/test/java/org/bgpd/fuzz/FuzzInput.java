package org.bgpd.fuzz;

import java.util.EnumSet;
import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;

/**
 * How a fuzz input is laid out: the first byte selects the session the bytes arrive on, the
 * rest is the message. Keeping the session in one leading byte (rather than Jazzer's
 * FuzzedDataProvider, which takes numbers from the end) keeps the committed corpus files easy
 * to write by hand: one flags byte, then wire bytes. Immutable; safe to share.
 *
 * <p>Flag bits: 0 four-octet AS, 1 iBGP, 2 ADD-PATH receive IPv4, 3 ADD-PATH receive IPv6,
 * 4 extended messages (RFC 8654), 5 IPv6 not negotiated, 6 IPv4 not negotiated.
 */
record FuzzInput(DecodeContext context, int maxLength, byte[] data, int off, int len) {
    static final int LOCAL_AS = 65000;

    static FuzzInput of(byte[] input) {
        int flags = input.length == 0 ? 0 : input[0] & 0xFF;
        Set<Family> families = EnumSet.allOf(Family.class);
        if ((flags & 0x20) != 0) families.remove(Family.IPV6_UNICAST);
        if ((flags & 0x40) != 0) families.remove(Family.IPV4_UNICAST);
        Set<Family> addPath = EnumSet.noneOf(Family.class);
        if ((flags & 0x04) != 0) addPath.add(Family.IPV4_UNICAST);
        if ((flags & 0x08) != 0) addPath.add(Family.IPV6_UNICAST);
        DecodeContext ctx = new DecodeContext((flags & 0x01) != 0, (flags & 0x02) != 0, LOCAL_AS, families, addPath);
        int max = (flags & 0x10) != 0 ? EncodeContext.EXTENDED_MAX : EncodeContext.STANDARD_MAX;
        int off = Math.min(1, input.length);
        return new FuzzInput(ctx, max, input, off, input.length - off);
    }

    byte[] bytes() {
        byte[] b = new byte[len];
        System.arraycopy(data, off, b, 0, len);
        return b;
    }
}
