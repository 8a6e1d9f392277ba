package org.bgpd.wire;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.bgpd.rib.wire.WireReader;
import org.bgpd.rib.wire.WireWriter;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>OPEN body (RFC 4271 §4.2) with RFC 9072 extended optional parameters. Only the checks that
 * need nothing but the message live here (§6.2: version, hold time 1 or 2, identifier 0,
 * optional parameters); peer AS and identifier collisions are the FSM's.
 */
final class OpenCodec {
    static final int CAPABILITIES_PARAM = 2;
    /** RFC 9072 §2: Non-Ext OP Len and Non-Ext OP Type both 255 announce the extended form. */
    static final int EXTENDED_PARAMS = 255;

    private OpenCodec() {}

    /** Decodes the body of an OPEN whose header said {@code messageLength}. */
    static MessageDecoder.Result decode(byte[] buf, int off, int len, int messageLength) {
        WireReader r = new WireReader(buf, off, len);
        int version = r.u8();
        int myAs = r.u16();
        int holdTime = r.u16();
        int bgpId = r.u32();
        int paramsLength = r.u8();
        if (r.overrun()) return malformed(MessageHeader.badLength(messageLength, "OPEN body too short"));
        // Version first: a speaker of another version may lay out the rest differently, and 2/1
        // is what lets it fall back (RFC 4271 §6.2).
        if (version != NotificationData.BGP_VERSION) {
            return malformed(new WireError(2, 1, NotificationData.u16(NotificationData.BGP_VERSION), "version " + version));
        }
        boolean extended = false;
        if (paramsLength == EXTENDED_PARAMS && r.remaining() >= 1 && (buf[r.position()] & 0xFF) == EXTENDED_PARAMS) {
            r.skip(1);
            paramsLength = r.u16();
            extended = true;
            if (r.overrun()) return malformed(MessageHeader.badLength(messageLength, "extended parameters length cut off"));
        }
        // BIRD reports an optional parameters length that disagrees with the message length as 1/2.
        if (paramsLength != r.remaining()) {
            return malformed(MessageHeader.badLength(messageLength, "optional parameters length " + paramsLength
                    + " but " + r.remaining() + " bytes follow"));
        }
        // BIRD sends the offending field as data for 2/6 and 2/3, which helps the peer's operator.
        if (holdTime == 1 || holdTime == 2) {
            return malformed(new WireError(2, 6, NotificationData.u16(holdTime), "hold time " + holdTime));
        }
        if (bgpId == 0) return malformed(new WireError(2, 3, new byte[4], "BGP identifier 0 (RFC 6286 §2.2)"));

        List<Capability> caps = new ArrayList<>();
        while (r.hasRemaining()) {
            int type = r.u8();
            int plen = extended ? r.u16() : r.u8();
            if (r.overrun() || plen > r.remaining()) {
                return malformed(new WireError(2, 0, null, "optional parameter " + type + " runs past the OPEN"));
            }
            WireReader p = r.slice(plen);
            if (type != CAPABILITIES_PARAM) {
                return malformed(new WireError(2, 4, null, "unsupported optional parameter " + type));
            }
            WireError e = CapabilityCodec.decode(p, caps);
            if (e != null) return malformed(e);
        }
        return new MessageDecoder.Decoded(new Open(version, myAs, holdTime, bgpId, caps));
    }

    private static MessageDecoder.Result malformed(WireError e) { return new MessageDecoder.Malformed(e); }

    /**
     * Writes the OPEN body. All capabilities go into one capabilities parameter, as BIRD sends
     * them; when that parameter does not fit the one-octet lengths, the RFC 9072 form is used.
     */
    static void encode(Open m, WireWriter w) {
        w.u8(m.version()).u16(m.myAs()).u16(m.holdTime()).u32(m.bgpId());
        if (m.capabilities().isEmpty()) {
            w.u8(0);
            return;
        }
        WireWriter caps = new WireWriter(128);
        for (Capability c : m.capabilities()) CapabilityCodec.encode(c, caps);
        int n = caps.position();
        if (n + 2 <= 255) {
            w.u8(n + 2).u8(CAPABILITIES_PARAM).u8(n);
        } else {
            if (n > 65535 - 3) throw new IllegalArgumentException("capabilities take " + n + " bytes");
            w.u8(EXTENDED_PARAMS).u8(EXTENDED_PARAMS).u16(n + 3).u8(CAPABILITIES_PARAM).u16(n);
        }
        w.bytes(caps.array(), 0, n);
    }
}
