package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link InboxGate} on a fake inbox size and an {@link EmbeddedChannel}'s config and loop, with
 * the loop's clock frozen and moved by hand: no threads, no waiting.
 */
class InboxGateTest {
    final AtomicInteger inbox = new AtomicInteger();
    final InboxGate gate = new InboxGate(inbox::get);
    final EmbeddedChannel ch = new EmbeddedChannel();

    InboxGateTest() { ch.freezeTime(); }

    @AfterEach
    void close() { ch.finishAndReleaseAll(); }

    void offer() { gate.afterOffer(on -> ch.config().setAutoRead(on), ch.eventLoop()); }

    void recheck() {
        ch.advanceTimeBy(InboxGate.RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void belowTheHighMarkReadingGoesOn() {
        inbox.set(InboxGate.HIGH - 1);
        offer();
        assertTrue(ch.config().isAutoRead());
        assertFalse(gate.paused());
        assertEquals(0, gate.pauses.sum());
    }

    @Test
    void pausesAtTheHighMarkAndResumesOnlyAtTheLowMark() {
        inbox.set(InboxGate.HIGH);
        offer();
        assertFalse(ch.config().isAutoRead());
        assertTrue(gate.paused());
        assertEquals(1, gate.pauses.sum());

        inbox.set(InboxGate.LOW + 1);
        for (int i = 0; i < 10; i++) recheck();
        assertFalse(ch.config().isAutoRead(), "between the marks it stays paused (hysteresis)");

        inbox.set(InboxGate.LOW);
        recheck();
        assertTrue(ch.config().isAutoRead());
        assertFalse(gate.paused());
        assertEquals(-1, ch.runScheduledPendingTasks(), "no recheck left scheduled");
    }

    @Test
    void offersWhilePausedDoNotPauseAgain() {
        inbox.set(InboxGate.HIGH * 4);
        offer();
        offer();
        offer();
        assertEquals(1, gate.pauses.sum());
        inbox.set(0);
        recheck();
        assertTrue(ch.config().isAutoRead());

        inbox.set(InboxGate.HIGH);
        offer();
        assertEquals(2, gate.pauses.sum(), "a new pause once reading had resumed");
        assertFalse(ch.config().isAutoRead());
    }
}
