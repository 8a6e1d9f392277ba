package org.bgpd.fsm;

import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.Notification;
import org.bgpd.wire.Open;

/**
 * FSM input events (RFC 4271 §8.1), one FSM per connection. Time arrives as
 * {@link TimerFired}: the FSM never reads a clock. Immutable.
 */
public sealed interface Event {
    /** ManualStart / AutomaticStart (Events 1, 3, 4, 5): passive-ness comes from {@link FsmConfig}. */
    record Start() implements Event {}

    /** ManualStop (Event 2) or a stop the daemon decides; {@code cease} is the NOTIFICATION to send if any. */
    record Stop(Notification cease) implements Event {}

    /** TCP connection is up, in either direction (Events 16, 17). */
    record TcpConnected() implements Event {}

    /** Our connect attempt failed (Event 18). */
    record TcpFailed(String reason) implements Event {}

    /** The peer closed the connection or it broke (Event 18 after establishment). */
    record TcpClosed(String reason) implements Event {}

    record OpenReceived(Open open) implements Event {}

    record KeepaliveReceived() implements Event {}

    /** An UPDATE arrived (the FSM only restarts the hold timer; the RIB gets the body). */
    record UpdateReceived() implements Event {}

    record RouteRefreshReceived() implements Event {}

    record NotificationReceived(Notification notification) implements Event {}

    record TimerFired(Timer timer) implements Event {}

    /** Framing, header, OPEN or UPDATE error that needs a NOTIFICATION (Events 21, 22, 25, 28). */
    record MessageMalformed(WireError error) implements Event {}
}
