package org.bgpd.daemon;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.session.PeerSession;

/**
 * Inbound back-pressure for one session (DESIGN.md "when the inbox is full, sessions stop
 * reading"): after each UPDATE handed to the RIB, if the RIB inbox holds more than {@link #HIGH}
 * commands the session stops reading (auto-read off) and TCP pushes back on the peer; it reads
 * again once the inbox is down to {@link #LOW}. The check while paused is a short timer on the
 * session's loop, so the RIB thread needs no callback. Owned by the session's event loop.
 */
final class InboxGate {
    /** Commands, mostly UPDATEs of at most 4096 bytes (65535 with RFC 8654): a few MB queued at most. */
    static final int HIGH = 1_024;
    static final int LOW = 256;
    static final long RECHECK_MILLIS = 5;

    private final RibLoop rib;
    private boolean paused;
    final LongAdder pauses = new LongAdder();

    InboxGate(RibLoop rib) { this.rib = rib; }

    void afterOffer(PeerSession s) {
        if (paused || rib.inboxSize() < HIGH) return;
        paused = true;
        pauses.increment();
        s.setAutoRead(false);
        s.eventLoop().schedule(() -> recheck(s), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void recheck(PeerSession s) {
        if (rib.inboxSize() > LOW) {
            s.eventLoop().schedule(() -> recheck(s), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        paused = false;
        s.setAutoRead(true);
    }

    boolean paused() { return paused; }
}
