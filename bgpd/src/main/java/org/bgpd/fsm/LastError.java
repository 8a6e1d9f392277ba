package org.bgpd.fsm;

import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;

/**
 * Why a session last went down, for {@code show protocols all} ("Last error"). {@code sent} and
 * {@code received} are the NOTIFICATIONs involved, either may be null. Immutable.
 */
public record LastError(String reason, Notification sent, Notification received) {

    /** BIRD's wording for an error we detected: "BGP Error: Hold timer expired". */
    public static LastError sent(Notification n) {
        return new LastError("BGP Error: " + NotifyCode.describe(n.code(), n.subcode()), n, null);
    }

    /** BIRD's wording for an error the peer reported: "Received: Administrative shutdown". */
    public static LastError received(Notification n) {
        return new LastError("Received: " + NotifyCode.describe(n.code(), n.subcode()), null, n);
    }

    /** A transport problem: "Socket: Connection closed". */
    public static LastError socket(String why) {
        return new LastError("Socket: " + why, null, null);
    }
}
