package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.Open;
import org.junit.jupiter.api.Test;

class GracefulRestartRulesTest {
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final Capability.GrFamily V4_F = new Capability.GrFamily(1, 1, true);
    static final Capability.GrFamily V6_F = new Capability.GrFamily(2, 1, true);
    static final Capability.GrFamily V4_NO_F = new Capability.GrFamily(1, 1, false);

    static Negotiated session(Capability.GracefulRestart ours, Capability.GracefulRestart peer) {
        List<Capability> caps = new ArrayList<>();
        if (ours != null) caps.add(ours);
        Open local = new Open(4, 65000, 90, 1, caps);
        Open remote = new Open(4, 65001, 90, 2, peer == null ? List.of() : List.of(peer));
        return new Negotiated(local, remote, 65001, 2, 90, 30, true, BOTH, Set.of(), Set.of(), true, false, false, peer, null);
    }

    static Capability.GracefulRestart gr(boolean nBit, Capability.GrFamily... families) {
        return new Capability.GracefulRestart(false, nBit, 120, List.of(families));
    }

    @Test
    void aTcpResetKeepsTheFamiliesThePeerListed() {
        Negotiated n = session(gr(false), gr(false, V4_F));
        assertEquals(V4, GracefulRestartRules.retained(n, null, null));
    }

    @Test
    void ourHoldTimerExpiryKeepsThem() {
        Negotiated n = session(gr(false), gr(false, V4_F, V6_F));
        assertEquals(BOTH, GracefulRestartRules.retained(n, NotifyCode.HOLD_TIMER_EXPIRED.notification(), null));
    }

    @Test
    void aNotificationWithoutTheNBitFlushes() {
        Negotiated n = session(gr(false), gr(true, V4_F));
        assertEquals(Set.of(), GracefulRestartRules.retained(n, null, new Notification(6, 2)));
        assertEquals(Set.of(), GracefulRestartRules.retained(n, new Notification(3, 1), null));
    }

    @Test
    void withTheNBitOnlyHardResetFlushes() {
        Negotiated n = session(gr(true), gr(true, V4_F));
        assertEquals(V4, GracefulRestartRules.retained(n, null, new Notification(6, 4)));
        assertEquals(V4, GracefulRestartRules.retained(n, new Notification(3, 1), null));
        assertEquals(Set.of(), GracefulRestartRules.retained(n, null, NotifyCode.HARD_RESET.notification()));
        assertEquals(Set.of(), GracefulRestartRules.retained(n, NotifyCode.HARD_RESET.notification(), null));
    }

    @Test
    void noCapabilityOnEitherSideFlushes() {
        assertEquals(Set.of(), GracefulRestartRules.retained(session(null, gr(false, V4_F)), null, null));
        assertEquals(Set.of(), GracefulRestartRules.retained(session(gr(false), null), null, null));
        assertEquals(Set.of(), GracefulRestartRules.retained(null, null, null));
    }

    @Test
    void aPeerBackWithoutForwardingStateOrCapabilityIsFlushedAtOnce() {
        assertEquals(Set.of(), GracefulRestartRules.flushOnReturn(BOTH, session(gr(false), gr(false, V4_F, V6_F))));
        assertEquals(V4, GracefulRestartRules.flushOnReturn(BOTH, session(gr(false), gr(false, V4_NO_F, V6_F))));
        assertEquals(Set.of(Family.IPV6_UNICAST), GracefulRestartRules.flushOnReturn(BOTH, session(gr(false), gr(false, V4_F))));
        assertEquals(BOTH, GracefulRestartRules.flushOnReturn(BOTH, session(gr(false), null)));
    }

    @Test
    void theOfferCarriesTheRestartTimeAndNoFamilies() {
        Capability.GracefulRestart c = SessionSettingsFactory.gracefulRestart(new org.bgpd.config.model.GracefulRestart(true, 300, 0));
        assertEquals(new Capability.GracefulRestart(false, false, 300, List.of()), c);
        assertEquals(null, SessionSettingsFactory.gracefulRestart(new org.bgpd.config.model.GracefulRestart(false, 300, 0)));
    }
}
