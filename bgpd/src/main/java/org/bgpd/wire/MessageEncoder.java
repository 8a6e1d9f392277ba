package org.bgpd.wire;

import io.netty.buffer.ByteBuf;
import org.bgpd.rib.wire.WireWriter;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>Encodes BGP messages with their 19-byte header (RFC 4271 §4). Lengths are not checked
 * against the negotiated maximum: the caller builds messages that fit (an UPDATE encoder
 * knows its budget), and only a message over 65535 bytes, which no length field can express,
 * is refused with an exception as a caller bug.
 */
public final class MessageEncoder {
    private static final byte[] MARKER = {
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
    };

    private MessageEncoder() {}

    public static byte[] encode(BgpMessage m) {
        return switch (m) {
            case Keepalive k -> frame(BgpMessage.KEEPALIVE, new byte[0]);
            case Update u -> frame(BgpMessage.UPDATE, u.body());
            default -> {
                WireWriter w = new WireWriter(64);
                w.bytes(MARKER).u16(0).u8(m.type());
                writeBody(m, w);
                finishHeader(w);
                yield w.toByteArray();
            }
        };
    }

    public static void encode(BgpMessage m, ByteBuf out) {
        if (m instanceof Update u) {
            writeHeader(out, MessageHeader.LENGTH + u.body().length, BgpMessage.UPDATE);
            out.writeBytes(u.body());
            return;
        }
        out.writeBytes(encode(m));
    }

    /** Writes a header for a message of {@code length} bytes (header included) of {@code type}. */
    public static void writeHeader(ByteBuf out, int length, int type) {
        checkLength(length);
        out.writeBytes(MARKER).writeShort(length).writeByte(type);
    }

    /** Header plus body, as one array. */
    public static byte[] frame(int type, byte[] body) {
        int length = MessageHeader.LENGTH + body.length;
        checkLength(length);
        byte[] out = new byte[length];
        System.arraycopy(MARKER, 0, out, 0, MARKER.length);
        out[16] = (byte) (length >>> 8);
        out[17] = (byte) length;
        out[18] = (byte) type;
        System.arraycopy(body, 0, out, MessageHeader.LENGTH, body.length);
        return out;
    }

    private static void writeBody(BgpMessage m, WireWriter w) {
        switch (m) {
            case Open o -> OpenCodec.encode(o, w);
            case Notification n -> w.u8(n.code()).u8(n.subcode()).bytes(n.data());
            case RouteRefresh r -> w.u16(r.afi()).u8(r.subtype()).u8(r.safi());
            case Keepalive k -> { }
            case Update u -> w.bytes(u.body());
        }
    }

    private static void finishHeader(WireWriter w) {
        int length = w.position();
        checkLength(length);
        w.setU16(MessageHeader.MARKER_LENGTH, length);
    }

    private static void checkLength(int length) {
        if (length > MessageHeader.EXTENDED_MAX_LENGTH) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds 65535");
        }
    }
}
