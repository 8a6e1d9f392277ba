package org.bgpd.session;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.bgpd.fsm.LastError;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.State;

/**
 * A read-only view of a {@link PeerSession} for show commands. {@code negotiated} is null unless
 * the session is Established; addresses are null without a connection. Immutable.
 */
public record SessionSnapshot(
        String name,
        State state,
        Instant since,
        LastError lastError,
        Negotiated negotiated,
        int connectRetryCounter,
        long connectAttempts,
        long messagesIn,
        long messagesOut,
        long updatesIn,
        long updatesOut,
        InetSocketAddress localAddress,
        InetSocketAddress remoteAddress) {}
