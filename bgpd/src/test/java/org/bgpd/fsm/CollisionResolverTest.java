package org.bgpd.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.fsm.CollisionResolver.Connection;
import org.bgpd.fsm.CollisionResolver.Keep;
import org.junit.jupiter.api.Test;

class CollisionResolverTest {

    private static final int LOW = 0x0A000001;
    private static final int HIGH = 0xC0A80001; // 192.168.0.1: negative as an int, larger unsigned

    private static final Connection OUT_CONFIRM = new Connection(true, State.OPEN_CONFIRM);
    private static final Connection IN_CONFIRM = new Connection(false, State.OPEN_CONFIRM);

    @Test
    void higherIdentifierKeepsTheConnectionItInitiated() {
        // We are higher: keep our outgoing connection whichever came first.
        assertEquals(Keep.EXISTING, CollisionResolver.resolve(HIGH, LOW, 1, 2, OUT_CONFIRM, IN_CONFIRM));
        assertEquals(Keep.NEWCOMER, CollisionResolver.resolve(HIGH, LOW, 1, 2, IN_CONFIRM, OUT_CONFIRM));
        // We are lower: keep the peer's.
        assertEquals(Keep.NEWCOMER, CollisionResolver.resolve(LOW, HIGH, 1, 2, OUT_CONFIRM, IN_CONFIRM));
        assertEquals(Keep.EXISTING, CollisionResolver.resolve(LOW, HIGH, 1, 2, IN_CONFIRM, OUT_CONFIRM));
    }

    @Test
    void establishedAlwaysWins() {
        Connection est = new Connection(false, State.ESTABLISHED);
        assertEquals(Keep.EXISTING, CollisionResolver.resolve(HIGH, LOW, 1, 2, est, OUT_CONFIRM));
    }

    @Test
    void equalIdentifiersFallBackToTheLargerAs() {
        assertEquals(Keep.EXISTING, CollisionResolver.resolve(LOW, LOW, 65002, 65001, OUT_CONFIRM, IN_CONFIRM));
        assertEquals(Keep.NEWCOMER, CollisionResolver.resolve(LOW, LOW, 65001, 65002, OUT_CONFIRM, IN_CONFIRM));
    }

    @Test
    void sameDirectionKeepsTheFirst() {
        assertEquals(Keep.EXISTING, CollisionResolver.resolve(LOW, HIGH, 1, 2, IN_CONFIRM, IN_CONFIRM));
    }
}
