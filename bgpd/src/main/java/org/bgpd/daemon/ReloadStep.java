package org.bgpd.daemon;

import org.bgpd.config.model.Listen;
import org.bgpd.config.model.LogLevel;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.wire.NotifyCode;

/**
 * One operation of a reload, in the order {@link ReloadPlan} puts them. A {@code name} is a
 * configured peer's name or a {@code dynamic-peers} entry's, meaning every session it accepted.
 * Immutable; safe to share.
 */
public sealed interface ReloadStep {

    /** Bind the listening socket to the new address or port; established sessions stay. */
    record Rebind(Listen listen) implements ReloadStep {}

    /** The local AS changed: describe the static-route pseudo-peer again. */
    record RedescribeLocal(long localAs) implements ReloadStep {}

    record Unoriginate(StaticRoute route) implements ReloadStep {}

    /**
     * Stop the sessions of {@code name} with NOTIFICATION {@code cease} and take their routes out
     * of the RIB. With {@code afterNewPeers}, only once the peers this reload starts are up and
     * have sent End-of-RIB, or the make-before-break timeout passed.
     */
    record StopPeer(String name, NotifyCode cease, boolean afterNewPeers) implements ReloadStep {}

    /** Stop the session (Cease, Other Configuration Change) and start it with the new settings. */
    record ResetPeer(PeerConfig peer) implements ReloadStep {}

    record StartPeer(PeerConfig peer) implements ReloadStep {}

    /** Send the peer its Adj-RIB-Out again (export chain changed), no reset. */
    record RefeedExport(String name) implements ReloadStep {}

    /**
     * Import chain changed: ask the peer for ROUTE-REFRESH (RFC 2918) where the session
     * negotiated it, else reset the session.
     */
    record ReloadImport(String name) implements ReloadStep {}

    record Originate(StaticRoute route) implements ReloadStep {}

    record SetLogLevel(LogLevel level) implements ReloadStep {}

    /** One line for {@code configure check}: what this step will do. */
    default String describe() {
        return switch (this) {
            case Rebind r -> "listen: rebind to " + r.listen();
            case RedescribeLocal l -> "local AS " + l.localAs() + " for static routes";
            case Unoriginate u -> "static route " + u.route().prefix() + ": withdraw";
            case StopPeer st -> st.name() + ": stop (" + st.cease() + (st.afterNewPeers() ? ", after the new peers are up" : "") + ")";
            case ResetPeer r -> r.peer().name() + ": reset session";
            case StartPeer st -> st.peer().name() + ": start";
            case RefeedExport r -> r.name() + ": re-send with the new export chain";
            case ReloadImport r -> r.name() + ": route refresh for the new import chain";
            case Originate o -> "static route " + o.route().prefix() + ": announce";
            case SetLogLevel l -> "log-level: " + l.level().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
