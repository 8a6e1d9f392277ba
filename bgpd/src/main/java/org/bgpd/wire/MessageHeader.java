package org.bgpd.wire;

import org.bgpd.rib.wire.WireError;

/**
 * Stateless; safe to share.
 *
 * <p>The 19-byte message header (RFC 4271 §4.1) and its checks (§6.1). Split out of
 * {@link MessageDecoder} so the frame decoder can judge a header before the body has arrived.
 */
public final class MessageHeader {
    public static final int MARKER_LENGTH = 16;
    public static final int LENGTH = 19;
    /** RFC 4271 §4.1. */
    public static final int MAX_LENGTH = 4096;
    /** RFC 8654 §4, once both sides advertised the Extended Message capability. */
    public static final int EXTENDED_MAX_LENGTH = 65535;

    private MessageHeader() {}

    public static boolean markerAllOnes(byte[] buf, int off) {
        for (int i = 0; i < MARKER_LENGTH; i++) if (buf[off + i] != (byte) 0xFF) return false;
        return true;
    }

    /**
     * Checks marker, length and type in the order RFC 4271 §6.1 lists them; null when the
     * header is acceptable. ROUTE-REFRESH's fixed length is not checked here: RFC 7313 §5 wants
     * the whole message as the error's data, so {@link MessageDecoder} checks it on the body.
     */
    public static WireError check(boolean markerAllOnes, int length, int type, int maxLength) {
        if (!markerAllOnes) return new WireError(1, 1, null, "marker is not all ones");
        if (length < LENGTH || length > maxLength) return badLength(length, "outside 19.." + maxLength);
        if (type < BgpMessage.OPEN || type > BgpMessage.ROUTE_REFRESH) {
            return new WireError(1, 3, new byte[] {(byte) type}, "unknown message type " + type);
        }
        return switch (type) {
            case BgpMessage.OPEN -> length < 29 ? badLength(length, "OPEN shorter than 29") : null;
            case BgpMessage.UPDATE -> length < 23 ? badLength(length, "UPDATE shorter than 23") : null;
            case BgpMessage.NOTIFICATION -> length < 21 ? badLength(length, "NOTIFICATION shorter than 21") : null;
            case BgpMessage.KEEPALIVE -> length != LENGTH ? badLength(length, "KEEPALIVE not 19") : null;
            default -> null;
        };
    }

    /** Checks the header at {@code buf[off..off+19)}; the caller guarantees 19 bytes are there. */
    public static WireError check(byte[] buf, int off, int maxLength) {
        int length = (buf[off + 16] & 0xFF) << 8 | (buf[off + 17] & 0xFF);
        return check(markerAllOnes(buf, off), length, buf[off + 18] & 0xFF, maxLength);
    }

    /** 1/2 with the erroneous Length field as data (RFC 4271 §6.1). */
    static WireError badLength(int length, String reason) {
        return new WireError(1, 2, NotificationData.u16(length), "bad message length " + length + ": " + reason);
    }
}
