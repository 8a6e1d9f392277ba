package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger n = new AtomicInteger();
        assertEquals(3, Await.until("three", Duration.ofSeconds(30), n::incrementAndGet, v -> v == 3));
    }

    @Test
    void aThrowingProbeIsRetried() {
        AtomicInteger n = new AtomicInteger();
        String v = Await.until("probe recovers", Duration.ofSeconds(30), () -> {
            if (n.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "ready";
        }, "ready"::equals);
        assertEquals("ready", v);
    }

    @Test
    void timeoutReportsWhatWasAwaitedTheLastValueAndContext() {
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("the answer", Duration.ofMillis(50),
                () -> 41, v -> v == 42, () -> "daemon log: nothing happened"));
        assertTrue(e.getMessage().contains("waiting for: the answer"), e.getMessage());
        assertTrue(e.getMessage().contains("last observed: 41"), e.getMessage());
        assertTrue(e.getMessage().contains("daemon log: nothing happened"), e.getMessage());
    }

    @Test
    void timeoutReportsTheLastException() {
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("socket", Duration.ofMillis(30),
                () -> { throw new IllegalStateException("connection refused"); }, v -> true));
        assertTrue(e.getMessage().contains("last probe threw: java.lang.IllegalStateException: connection refused"),
                e.getMessage());
    }
}
