package org.bgpd.wire;

import java.util.Arrays;

/**
 * NOTIFICATION (RFC 4271 §4.5): error code, subcode and data. The code and subcode names live
 * in {@link NotifyCode}. Immutable by convention.
 */
public record Notification(int code, int subcode, byte[] data) implements BgpMessage {

    public Notification {
        data = data == null ? new byte[0] : data;
    }

    public Notification(int code, int subcode) { this(code, subcode, new byte[0]); }

    @Override
    public int type() { return NOTIFICATION; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notification n && n.code == code && n.subcode == subcode && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() { return 31 * (31 * code + subcode) + Arrays.hashCode(data); }

    @Override
    public String toString() { return "Notification[" + NotifyCode.describe(code, subcode) + ", " + data.length + " bytes data]"; }
}
