package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.junit.jupiter.api.Test;

class NotificationDataTest {

    private static String wire(Notification n) { return Hex.of(MessageEncoder.encode(n)).substring(32); }

    @Test
    void headerAndOpenErrors() {
        assertEquals("0017 03 0102 1001".replace(" ", ""), wire(NotificationData.badMessageLength(4097)));
        assertEquals("0016 03 0103 07".replace(" ", ""), wire(NotificationData.badMessageType(7)));
        assertEquals("0017 03 0201 0004".replace(" ", ""), wire(NotificationData.unsupportedVersion()));
    }

    @Test
    void unsupportedCapabilityListsTheMissingCapabilities() {
        // RFC 5492 §3: the data field holds the capabilities as they would appear in an OPEN.
        Notification n = NotificationData.unsupportedCapabilities(
                List.of(new Capability.Multiprotocol(2, 1), new Capability.FourOctetAs(4200000000L)));
        assertEquals(NotifyCode.UNSUPPORTED_CAPABILITY, NotifyCode.of(n.code(), n.subcode()));
        assertEquals("010400020001" + "4104fa56ea00", Hex.of(n.data()));
    }

    @Test
    void fsmErrorCarriesTheUnexpectedType() {
        Notification n = NotificationData.unexpectedMessage(NotifyCode.FSM_UNEXPECTED_IN_OPEN_SENT, BgpMessage.UPDATE);
        assertEquals(new Notification(5, 1, new byte[] {2}), n);
    }

    @Test
    void ceaseWithoutMessageHasNoData() {
        assertEquals(new Notification(6, 2), NotificationData.cease(NotifyCode.ADMINISTRATIVE_SHUTDOWN, null));
    }

    @Test
    void wireErrorBecomesItsNotification() {
        WireError e = new WireError(3, 11, new byte[] {1, 2}, "as path");
        assertEquals(new Notification(3, 11, new byte[] {1, 2}), NotificationData.of(e));
    }
}
