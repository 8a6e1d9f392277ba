package org.bgpd.session;

import org.bgpd.fsm.Negotiated;
import org.bgpd.wire.Notification;
import org.bgpd.wire.RouteRefresh;

/**
 * What a {@link PeerSession} reports to the daemon. Called on the session's event loop: an
 * implementation must hand work to its own thread (the RIB inbox) rather than block. The session
 * layer keeps no RIB state; the daemon decides what to do with routes and back-pressure.
 */
public interface SessionListener {
    void established(PeerSession session, Negotiated negotiated);

    /** An UPDATE body (after the 19-byte header) from an Established session; the array is the listener's. */
    void update(PeerSession session, byte[] body);

    void routeRefresh(PeerSession session, RouteRefresh request);

    /** An Established session went down; {@code sent}/{@code received} are the NOTIFICATIONs involved or null. */
    void down(PeerSession session, String reason, Notification sent, Notification received);

    /** The Established channel's outbound buffer crossed its high or low water mark. */
    void writabilityChanged(PeerSession session, boolean writable);
}
