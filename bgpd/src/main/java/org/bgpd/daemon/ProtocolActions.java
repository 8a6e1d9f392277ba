package org.bgpd.daemon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.control.ProtocolAction;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.session.PeerSession;
import org.bgpd.session.SessionSnapshot;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.RouteRefresh;

/**
 * {@code enable|disable|restart|reload [in|out]} on one BGP peer: FSM ManualStart/ManualStop
 * (RFC 4271 §8.1.2) and route refresh both ways (RFC 2918, RFC 7313). Remembers which peers an
 * operator disabled, starting from the configuration's {@code disabled} flags.
 * Thread-safe: control clients call from their own threads; sessions and the RIB hop onto theirs.
 */
final class ProtocolActions {
    private final RibLoop rib;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    ProtocolActions(RibLoop rib, Iterable<PeerConfig> peers) {
        this.rib = rib;
        for (PeerConfig pc : peers) {
            if (pc.settings().disabled()) disabled.add(pc.name());
        }
    }

    boolean enabled(String name) { return !disabled.contains(name); }

    ProtocolAction.Outcome apply(ProtocolAction action, PeerSession session, int ribIndex) {
        String name = session.name();
        switch (action) {
            case ENABLE -> {
                if (!disabled.remove(name)) return ProtocolAction.Outcome.ALREADY;
                session.start();
                return ProtocolAction.Outcome.DONE;
            }
            case DISABLE -> {
                if (!disabled.add(name)) return ProtocolAction.Outcome.ALREADY;
                session.stop(NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification());
                return ProtocolAction.Outcome.DONE;
            }
            case RESTART -> {
                if (disabled.contains(name)) return ProtocolAction.Outcome.ALREADY;
                // Both hop onto the session's loop in this order: Cease, Idle, then a fresh start.
                session.stop(NotifyCode.ADMINISTRATIVE_RESET.notification());
                session.start();
                return ProtocolAction.Outcome.DONE;
            }
            default -> {
                return reload(action, session, ribIndex);
            }
        }
    }

    private ProtocolAction.Outcome reload(ProtocolAction action, PeerSession session, int ribIndex) {
        if (disabled.contains(session.name())) return ProtocolAction.Outcome.ALREADY;
        SessionSnapshot s = session.snapshot();
        Negotiated n = s.state() == State.ESTABLISHED ? s.negotiated() : null;
        if (n == null) return ProtocolAction.Outcome.SILENT;
        if (action != ProtocolAction.RELOAD_IN) {
            for (Family f : Family.values()) {
                if (n.families().contains(f)) rib.offer(RouteRefreshes.refeed(ribIndex, f, n.enhancedRouteRefresh()));
            }
        }
        if (action != ProtocolAction.RELOAD_OUT) {
            var requests = RouteRefreshes.requests(n);
            if (requests.isEmpty()) return ProtocolAction.Outcome.FAILED;
            for (RouteRefresh r : requests) session.sendRouteRefresh(r);
        }
        return ProtocolAction.Outcome.DONE;
    }
}
