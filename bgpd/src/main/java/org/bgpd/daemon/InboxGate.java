package org.bgpd.daemon;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.session.PeerSession;

/**
 * Inbound back-pressure for one session (DESIGN.md "when the inbox is full, sessions stop
 * reading"): after each UPDATE handed to the RIB, if the RIB inbox holds more than {@link #HIGH}
 * commands the session stops reading (auto-read off) and TCP pushes back on the peer; it reads
 * again once the inbox is down to {@link #LOW}. The check while paused is a short timer on the
 * session's loop, so the RIB thread needs no callback. While paused the session's hold timer
 * does not simply expire (the peer's KEEPALIVEs may be sitting unread): see
 * {@code org.bgpd.session.Connection}. Owned by the session's event loop.
 */
final class InboxGate {
    /** Commands, mostly UPDATEs of at most 4096 bytes (65535 with RFC 8654): a few MB queued at most. */
    static final int HIGH = 1_024;
    static final int LOW = 256;
    static final long RECHECK_MILLIS = 5;

    /** Turns a session's reading on or off: {@link PeerSession#setAutoRead}, or a channel's config in tests. */
    @FunctionalInterface
    interface Reading {
        void setAutoRead(boolean on);
    }

    private final IntSupplier inboxSize;
    private boolean paused;
    final LongAdder pauses = new LongAdder();

    InboxGate(RibLoop rib) { this(rib::inboxSize); }

    /** @param inboxSize commands queued for the RIB and not yet taken */
    InboxGate(IntSupplier inboxSize) { this.inboxSize = inboxSize; }

    void afterOffer(PeerSession s) { afterOffer(s::setAutoRead, s.eventLoop()); }

    /** After an UPDATE went to the RIB: pauses {@code reading} when the inbox is over {@link #HIGH}; {@code loop} runs the rechecks. */
    void afterOffer(Reading reading, ScheduledExecutorService loop) {
        if (paused || inboxSize.getAsInt() < HIGH) return;
        paused = true;
        pauses.increment();
        reading.setAutoRead(false);
        loop.schedule(() -> recheck(reading, loop), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void recheck(Reading reading, ScheduledExecutorService loop) {
        if (inboxSize.getAsInt() > LOW) {
            loop.schedule(() -> recheck(reading, loop), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        paused = false;
        reading.setAutoRead(true);
    }

    boolean paused() { return paused; }
}
