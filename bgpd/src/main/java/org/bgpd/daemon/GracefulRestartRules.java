package org.bgpd.daemon;

import java.util.EnumSet;
import java.util.Set;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;

/**
 * When a graceful-restart helper keeps a peer's routes and when it lets them go (RFC 4724 §4.2,
 * RFC 8538 §5). Stateless; safe from any thread.
 */
final class GracefulRestartRules {
    private GracefulRestartRules() {}

    /**
     * The families whose routes stay as stale after the session went down; empty when everything
     * must be flushed. Both sides must have sent the capability (GR, or LLGR, RFC 9494 §4.2) and the
     * peer must list the family.
     * A session lost without a NOTIFICATION (TCP reset) or to our hold timer keeps them; any
     * other NOTIFICATION ends graceful restart unless both sides set the N bit (RFC 8538 §2), and
     * then only Hard Reset (Cease 9) does.
     */
    static Set<Family> retained(Negotiated n, Notification sent, Notification received) {
        Set<Family> keep = EnumSet.noneOf(Family.class);
        if (n == null) return keep;
        Capability.GracefulRestart peer = n.peerGracefulRestart();
        Capability.GracefulRestart ours = n.localOpen().capability(Capability.GracefulRestart.class);
        boolean gr = peer != null && ours != null;
        Set<Family> longLived = LongLivedGr.staleTimes(n).keySet();
        if (!gr && longLived.isEmpty()) return keep;
        boolean nBit = gr && peer.notification() && ours.notification();
        boolean holdExpired = received == null && sent != null && is(sent, NotifyCode.HOLD_TIMER_EXPIRED);
        if ((sent != null || received != null) && !holdExpired) {
            if (!nBit || is(sent, NotifyCode.HARD_RESET) || is(received, NotifyCode.HARD_RESET)) return keep;
        }
        if (gr) keep.addAll(restartFamilies(n));
        keep.addAll(longLived); // RFC 9494 §4.2: LLGR families are kept even without a GR period
        return keep;
    }

    /** Families in the peer's GR capability that the session negotiated; empty without GR on both sides. */
    static Set<Family> restartFamilies(Negotiated n) {
        Set<Family> out = EnumSet.noneOf(Family.class);
        Capability.GracefulRestart peer = n.peerGracefulRestart();
        if (peer == null || n.localOpen().capability(Capability.GracefulRestart.class) == null) return out;
        for (Capability.GrFamily gf : peer.families()) {
            Family f = Family.of(gf.afi(), gf.safi());
            if (f != null && n.families().contains(f)) out.add(f);
        }
        return out;
    }

    /**
     * Of the families kept stale, those to flush at once now that the session is back: the peer
     * no longer offers graceful restart (nor LLGR) for the family, or did not keep its forwarding
     * state (F bit clear in both), or the family was not negotiated again (RFC 4724 §4.2).
     */
    static Set<Family> flushOnReturn(Set<Family> stale, Negotiated n) {
        Set<Family> flush = EnumSet.noneOf(Family.class);
        Capability.GracefulRestart peer = n.peerGracefulRestart();
        for (Family f : stale) {
            boolean kept = false;
            if (peer != null && n.families().contains(f)) {
                for (Capability.GrFamily gf : peer.families()) {
                    if (gf.afi() == f.afi() && gf.safi() == f.safi()) kept = gf.forwardingPreserved();
                }
            }
            if (!kept && n.families().contains(f)) kept = LongLivedGr.forwardingPreserved(n, f); // RFC 9494 §4.2
            if (!kept) flush.add(f);
        }
        return flush;
    }

    private static boolean is(Notification n, NotifyCode code) {
        return n != null && n.code() == code.code() && n.subcode() == code.subcode();
    }
}
