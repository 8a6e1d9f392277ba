package org.bgpd.wire;

import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.bgpd.rib.wire.WireWriter;

/**
 * Stateless; safe to call from any thread.
 *
 * <p>Builds the NOTIFICATION data fields RFC 4271 §6 and its successors ask for. UPDATE errors
 * (§6.3) are built by the RIB's codec, which has the attribute at hand.
 */
public final class NotificationData {
    /** The only BGP version we speak; 2/1 carries it (RFC 4271 §6.2). */
    public static final int BGP_VERSION = 4;

    private NotificationData() {}

    public static byte[] u16(int v) { return new byte[] {(byte) (v >>> 8), (byte) v}; }

    /** 1/2 Bad Message Length: the erroneous Length field (§6.1). */
    public static Notification badMessageLength(int length) { return NotifyCode.BAD_MESSAGE_LENGTH.notification(u16(length)); }

    /** 1/3 Bad Message Type: the erroneous Type field (§6.1). */
    public static Notification badMessageType(int type) {
        return NotifyCode.BAD_MESSAGE_TYPE.notification(new byte[] {(byte) type});
    }

    /** 2/1 Unsupported Version Number: the largest version we support, 2 bytes (§6.2). */
    public static Notification unsupportedVersion() { return NotifyCode.UNSUPPORTED_VERSION.notification(u16(BGP_VERSION)); }

    /**
     * 2/7 Unsupported Capability: the capabilities we need and the peer lacks, in their wire
     * form (RFC 5492 §3).
     */
    public static Notification unsupportedCapabilities(List<Capability> missing) {
        WireWriter w = new WireWriter(64);
        for (Capability c : missing) CapabilityCodec.encode(c, w);
        return NotifyCode.UNSUPPORTED_CAPABILITY.notification(w.toByteArray());
    }

    /** 5/1..3: the type of the unexpected message, one octet (RFC 6608). */
    public static Notification unexpectedMessage(NotifyCode fsmSubcode, int messageType) {
        return fsmSubcode.notification(new byte[] {(byte) messageType});
    }

    /** 6/2 or 6/4 with a shutdown communication (RFC 9003); {@code message} may be null. */
    public static Notification cease(NotifyCode ceaseSubcode, String message) {
        return ceaseSubcode.notification(message == null ? new byte[0] : ShutdownCommunication.encode(message));
    }

    /** 6/1 Maximum Number of Prefixes Reached: AFI (2), SAFI (1), the limit (4) (RFC 4486 §4). */
    public static Notification maxPrefixes(int afi, int safi, long limit) {
        long l = Math.min(limit, 0xFFFF_FFFFL);
        return NotifyCode.MAX_PREFIXES.notification(new byte[] {
            (byte) (afi >>> 8), (byte) afi, (byte) safi, (byte) (l >>> 24), (byte) (l >>> 16), (byte) (l >>> 8), (byte) l});
    }

    /** The NOTIFICATION that reports a wire error. */
    public static Notification of(WireError e) { return new Notification(e.code(), e.subcode(), e.data()); }
}
