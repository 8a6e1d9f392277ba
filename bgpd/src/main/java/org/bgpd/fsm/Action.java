package org.bgpd.fsm;

import org.bgpd.wire.Notification;

/** FSM outputs: what the adapter must do. Executed in list order. Immutable. */
public sealed interface Action {
    /** Open a TCP connection to the peer. */
    record Connect() implements Action {}

    /**
     * Close the TCP connection (after flushing anything already sent) or abandon the connect
     * attempt, and cancel every timer of this connection except IDLE_HOLD. Every transition into
     * Idle from another state carries exactly one Close.
     */
    record Close() implements Action {}

    /** Send {@code FsmConfig.localOpen()}. */
    record SendOpen() implements Action {}

    record SendKeepalive() implements Action {}

    record SendNotification(Notification notification) implements Action {}

    record StartTimer(Timer timer, int seconds) implements Action {}

    record StopTimer(Timer timer) implements Action {}

    /** The session reached Established with these negotiated parameters. */
    record SessionUp(Negotiated negotiated) implements Action {}

    /** An Established session went down; the RIB must flush (or keep stale, with GR) its routes. */
    record SessionDown(String reason, Notification sent, Notification received) implements Action {}
}
