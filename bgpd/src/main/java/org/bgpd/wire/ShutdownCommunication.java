package org.bgpd.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>The shutdown communication of a Cease NOTIFICATION with subcode 2 (Administrative Shutdown)
 * or 4 (Administrative Reset): one length octet, then up to 255 octets of UTF-8 (RFC 9003 §2,
 * which raised RFC 8203's limit of 128).
 */
public final class ShutdownCommunication {
    public static final int MAX_BYTES = 255;

    private ShutdownCommunication() {}

    /** Length-prefixed UTF-8, cut at a character boundary so it fits in 255 octets. */
    public static byte[] encode(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(utf8.length, MAX_BYTES);
        // Back off over UTF-8 continuation bytes (10xxxxxx) so no character is split.
        if (n < utf8.length) while (n > 0 && (utf8[n] & 0xC0) == 0x80) n--;
        byte[] out = new byte[n + 1];
        out[0] = (byte) n;
        System.arraycopy(utf8, 0, out, 1, n);
        return out;
    }

    public static boolean applies(Notification n) {
        return n.code() == NotifyCode.CEASE.code()
                && (n.subcode() == NotifyCode.ADMINISTRATIVE_SHUTDOWN.subcode()
                        || n.subcode() == NotifyCode.ADMINISTRATIVE_RESET.subcode());
    }

    /**
     * The message of a Cease 6/2 or 6/4, or null when there is none or it is invalid (length
     * beyond the data, or not UTF-8). RFC 9003 §2: an invalid communication is logged and the
     * NOTIFICATION is processed as usual, so the caller still acts on it.
     */
    public static String decode(Notification n) {
        if (!applies(n)) return null;
        byte[] data = n.data();
        if (data.length == 0) return null;
        int len = data[0] & 0xFF;
        if (len == 0 || len + 1 > data.length) return null;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(data, 1, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
