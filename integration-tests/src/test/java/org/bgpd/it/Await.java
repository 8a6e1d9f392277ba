package org.bgpd.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Stateless. Polls a probe until a condition holds or a deadline passes, instead of sleeping a
 * fixed time. On timeout it fails with what was awaited, the last value the probe returned (or
 * the last exception it threw) and optional context such as a daemon's log tail.
 */
public final class Await {

    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 200;

    private Await() {}

    /** Waits until {@code condition} is true. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, Boolean::booleanValue, () -> "");
    }

    /** Waits until {@code done} accepts the probed value and returns that value. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, timeout, probe, done, () -> "");
    }

    /**
     * Waits until {@code done} accepts the probed value and returns that value. A probe that
     * throws counts as not done yet (a daemon still starting); the exception is reported if the
     * deadline passes. {@code context} is evaluated only on failure.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done,
                              Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        T last = null;
        RuntimeException lastError = null;
        int polls = 0;
        while (true) {
            polls++;
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
        StringBuilder msg = new StringBuilder()
                .append("timed out after ").append(timeout.toMillis()).append(" ms (").append(polls)
                .append(" polls) waiting for: ").append(what);
        if (lastError != null) {
            msg.append("\nlast probe threw: ").append(lastError);
        } else {
            msg.append("\nlast observed: ").append(last);
        }
        String ctx = context.get();
        if (ctx != null && !ctx.isBlank()) {
            msg.append('\n').append(ctx);
        }
        AssertionError failure = new AssertionError(msg.toString());
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
