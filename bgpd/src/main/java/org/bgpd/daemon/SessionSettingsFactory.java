package org.bgpd.daemon;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.config.model.Timers;
import org.bgpd.fsm.FsmConfig;
import org.bgpd.fsm.Offer;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;

/**
 * Turns a configured peer into the session layer's settings: transport options and the FSM
 * configuration with the capabilities we offer. Stateless; safe from any thread.
 */
final class SessionSettingsFactory {
    private SessionSettingsFactory() {}

    static org.bgpd.session.PeerSettings settings(DaemonConfig cfg, PeerConfig peer) {
        return settings(cfg, peer, RestartRecovery.NONE);
    }

    /** {@code recovery} sets the graceful-restart flags of our OPEN (R, F). */
    static org.bgpd.session.PeerSettings settings(DaemonConfig cfg, PeerConfig peer, RestartRecovery recovery) {
        PeerSettings ps = peer.settings();
        int routerId = Addresses.routerId(cfg.routerId());
        Timers t = ps.timers();
        // The loader has already defaulted keepalive to a third of the hold time.
        FsmConfig fsm = FsmConfig.defaults(ps.effectiveLocalAs(cfg.localAs()), routerId, peer.remoteAs(), offer(ps, recovery))
                .withHoldTime(t.holdTime(), t.keepaliveTime())
                .withConnectRetry(t.connectRetryTime(), FsmConfig.DEFAULT_CONNECT_DELAY_TIME)
                .withPassive(ps.passive())
                .withJitter(FsmConfig.RFC4271_JITTER);
        byte[] md5 = ps.password().map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
        int multihop = ps.multihop().orElse(0);
        return new org.bgpd.session.PeerSettings(
                peer.name(),
                new InetSocketAddress(peer.address().address(), ps.port()),
                ps.localAddress().map(a -> a.address()).orElse(null),
                md5,
                ps.ttlSecurity() ? 255 : multihop,
                ps.ttlSecurity(),
                ps.ttlSecurity() ? Math.max(1, multihop) : 1,
                fsm);
    }

    /** Families and ADD-PATH directions from the config; route refresh always (RFC 2918, 7313). */
    static Offer offer(PeerSettings ps, RestartRecovery recovery) {
        Set<Family> families = EnumSet.noneOf(Family.class);
        Set<Family> rx = EnumSet.noneOf(Family.class);
        Set<Family> tx = EnumSet.noneOf(Family.class);
        for (FamilyConfig fc : ps.families()) {
            Family f = family(fc.family());
            families.add(f);
            switch (fc.addPath()) {
                case RECEIVE -> rx.add(f);
                case SEND -> tx.add(f);
                case BOTH -> { rx.add(f); tx.add(f); }
                case OFF -> { }
            }
        }
        Capability.GracefulRestart gr = gracefulRestart(ps.gracefulRestart(), families, recovery);
        return new Offer(families, rx, tx, true, true, false, gr, LongLivedGr.offer(ps.gracefulRestart(), gr));
    }

    /**
     * Graceful restart (RFC 4724 §3), both roles: our restart time and every offered family, so
     * helpers keep our routes across a graceful stop; R and F from {@code recovery}. No N bit
     * (RFC 8538 §2): with it a plain stop would have to send Hard Reset, or peers would keep our
     * routes stale.
     */
    static Capability.GracefulRestart gracefulRestart(GracefulRestart gr, Set<Family> families, RestartRecovery recovery) {
        return recovery.capability(gr, families);
    }

    static Family family(org.bgpd.config.model.Family f) {
        return switch (f) {
            case IPV4 -> Family.IPV4_UNICAST;
            case IPV6 -> Family.IPV6_UNICAST;
        };
    }
}
