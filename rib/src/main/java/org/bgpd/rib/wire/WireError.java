package org.bgpd.rib.wire;

import java.util.Arrays;

/**
 * A NOTIFICATION-worthy error found on the wire: code, subcode and the data field RFC 4271 §6
 * asks for. Immutable; safe to share.
 */
public record WireError(int code, int subcode, byte[] data, String reason) {

    public static final int MESSAGE_HEADER_ERROR = 1;
    public static final int OPEN_MESSAGE_ERROR = 2;
    public static final int UPDATE_MESSAGE_ERROR = 3;

    public WireError {
        data = data == null ? new byte[0] : data;
    }

    public static WireError update(int subcode, byte[] data, String reason) {
        return new WireError(UPDATE_MESSAGE_ERROR, subcode, data, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireError w && w.code == code && w.subcode == subcode && Arrays.equals(w.data, data);
    }

    @Override
    public int hashCode() { return 31 * (31 * code + subcode) + Arrays.hashCode(data); }

    @Override
    public String toString() { return "WireError[" + code + "/" + subcode + " " + reason + "]"; }
}
