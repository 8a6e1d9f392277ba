package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.rib.route.Family;
import org.bgpd.wire.Notification;
import org.junit.jupiter.api.Test;

class PrefixLimitReactionTest {

    @Test
    void ceaseCarriesAfiSafiAndTheLimit() {
        Notification n = PrefixLimitReaction.cease(Family.IPV6_UNICAST, 1000);
        assertEquals(6, n.code());
        assertEquals(1, n.subcode());
        assertArrayEquals(new byte[] {0, 2, 1, 0, 0, 0x03, (byte) 0xE8}, n.data()); // RFC 4486 §4
    }

    @Test
    void aLimitBeyond32BitsIsClamped() {
        Notification n = PrefixLimitReaction.cease(Family.IPV4_UNICAST, 1L << 40);
        assertArrayEquals(new byte[] {0, 1, 1, -1, -1, -1, -1}, n.data());
    }
}
