package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShutdownCommunicationTest {

    @Test
    void utf8RoundTrip() {
        String msg = "Wartung bis 14:00 — ☕";
        Notification n = NotificationData.cease(NotifyCode.ADMINISTRATIVE_RESET, msg);
        assertEquals(msg.getBytes(StandardCharsets.UTF_8).length, n.data()[0] & 0xFF);
        assertEquals(msg, ShutdownCommunication.decode(n));
    }

    @Test
    void longMessageIsCutAtACharacterBoundary() {
        String msg = "é".repeat(200); // 400 bytes of UTF-8
        byte[] data = ShutdownCommunication.encode(msg);
        assertEquals(254, data[0] & 0xFF);
        assertEquals("é".repeat(127), ShutdownCommunication.decode(new Notification(6, 2, data)));
    }

    @Test
    void invalidCommunicationsLeaveTheNotificationButNoMessage() {
        byte[] frame = Hex.bytes(Hex.MARKER + "0019 03 0602 03 c328ff");
        Notification n = (Notification) assertInstanceOf(MessageDecoder.Decoded.class,
                MessageDecoder.decode(frame, 0, frame.length, 4096)).message();
        assertEquals(NotifyCode.ADMINISTRATIVE_SHUTDOWN, NotifyCode.of(n.code(), n.subcode()));
        assertNull(ShutdownCommunication.decode(n), "invalid UTF-8");
        assertNull(ShutdownCommunication.decode(new Notification(6, 2, Hex.bytes("05 6162"))), "length past the data");
        assertNull(ShutdownCommunication.decode(new Notification(6, 2)), "no data");
        assertNull(ShutdownCommunication.decode(new Notification(6, 2, new byte[] {0})), "zero length");
        assertNull(ShutdownCommunication.decode(new Notification(6, 3, Hex.bytes("026869"))), "subcode 3 carries none");
    }

    @Test
    void trailingBytesAfterTheCommunicationAreIgnored() {
        assertEquals("hi", ShutdownCommunication.decode(new Notification(6, 4, Hex.bytes("026869 0000"))));
    }
}
