package org.bgpd.wire;

import java.util.Arrays;
import org.bgpd.rib.wire.WireError;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>Decodes one complete BGP message (RFC 4271 §4) from bytes. UPDATE bodies are not parsed
 * here: they come back as {@link Update} for the RIB's codec. Malformed input is a
 * {@link Malformed} result carrying the NOTIFICATION to send; this class never throws on
 * input.
 */
public final class MessageDecoder {

    public sealed interface Result permits Decoded, Malformed {}

    public record Decoded(BgpMessage message) implements Result {}

    public record Malformed(WireError error) implements Result {}

    /** RFC 7313 §5: a ROUTE-REFRESH is the header plus AFI (2), subtype (1), SAFI (1). */
    static final int ROUTE_REFRESH_LENGTH = 23;
    /** Data that fits a NOTIFICATION within 4096 bytes: header, code, subcode. */
    static final int MAX_NOTIFICATION_DATA = MessageHeader.MAX_LENGTH - 21;

    private MessageDecoder() {}

    /**
     * Decodes the message in {@code frame[off..off+len)}, which must hold exactly one message:
     * a Length field that disagrees with {@code len} is reported as a bad length (1/2).
     * {@code maxLength} is 4096, or 65535 once RFC 8654 extended messages are negotiated.
     */
    public static Result decode(byte[] frame, int off, int len, int maxLength) {
        if (len < MessageHeader.LENGTH) {
            return new Malformed(MessageHeader.badLength(len, "only " + len + " bytes, shorter than a header"));
        }
        WireError e = MessageHeader.check(frame, off, maxLength);
        if (e != null) return new Malformed(e);
        int length = (frame[off + 16] & 0xFF) << 8 | (frame[off + 17] & 0xFF);
        if (length != len) return new Malformed(MessageHeader.badLength(length, "header says " + length + ", frame has " + len));
        int type = frame[off + 18] & 0xFF;
        int bodyLength = len - MessageHeader.LENGTH;
        byte[] body = new byte[bodyLength];
        System.arraycopy(frame, off + MessageHeader.LENGTH, body, 0, bodyLength);
        return decodeBody(type, body);
    }

    /**
     * Decodes a body whose header already passed {@link MessageHeader#check}. Takes ownership
     * of {@code body}: an UPDATE keeps the array without copying it, which is why the frame
     * decoder calls this rather than {@link #decode}.
     */
    public static Result decodeBody(int type, byte[] body) {
        int length = MessageHeader.LENGTH + body.length;
        return switch (type) {
            case BgpMessage.OPEN -> OpenCodec.decode(body, 0, body.length, length);
            case BgpMessage.UPDATE -> new Decoded(new Update(body));
            case BgpMessage.NOTIFICATION -> notification(body, length);
            case BgpMessage.KEEPALIVE -> body.length == 0
                    ? new Decoded(Keepalive.INSTANCE)
                    : new Malformed(MessageHeader.badLength(length, "KEEPALIVE with a body"));
            case BgpMessage.ROUTE_REFRESH -> routeRefresh(body);
            default -> new Malformed(new WireError(1, 3, new byte[] {(byte) type}, "unknown message type " + type));
        };
    }

    /** RFC 4271 §4.5: code, subcode, data to the end of the message. */
    private static Result notification(byte[] body, int length) {
        if (body.length < 2) return new Malformed(MessageHeader.badLength(length, "NOTIFICATION shorter than 21"));
        byte[] data = new byte[body.length - 2];
        System.arraycopy(body, 2, data, 0, data.length);
        return new Decoded(new Notification(body[0] & 0xFF, body[1] & 0xFF, data));
    }

    /**
     * RFC 2918 §3 and RFC 7313 §5: a wrong length is 7/1 with the whole message as data. A
     * subtype other than 0..2 decodes; RFC 7313 §5 says to ignore it, which is the session's
     * call ({@link RouteRefresh#knownSubtype}).
     */
    private static Result routeRefresh(byte[] body) {
        if (body.length != ROUTE_REFRESH_LENGTH - MessageHeader.LENGTH) {
            byte[] whole = MessageEncoder.frame(BgpMessage.ROUTE_REFRESH, body);
            int n = whole.length;
            // Cut the copy so our NOTIFICATION still fits 4096 bytes without extended messages.
            if (n > MAX_NOTIFICATION_DATA) whole = Arrays.copyOf(whole, MAX_NOTIFICATION_DATA);
            return new Malformed(new WireError(7, 1, whole, "ROUTE-REFRESH of " + n + " bytes"));
        }
        int afi = (body[0] & 0xFF) << 8 | (body[1] & 0xFF);
        return new Decoded(new RouteRefresh(afi, body[2] & 0xFF, body[3] & 0xFF));
    }
}
