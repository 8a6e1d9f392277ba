package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;

/**
 * Long-lived graceful restart (RFC 9494): what we offer and what a session negotiated.
 * Stateless; safe from any thread.
 */
final class LongLivedGr {
    /** The stale time is 24 bits (RFC 9494 §3). */
    static final long MAX_STALE_TIME = 0xFF_FFFFL;

    private LongLivedGr() {}

    /**
     * Our LLGR capability: the families of our GR capability with the same F bits and the
     * configured {@code long-lived-stale-time}; null when GR is off or the time is 0. RFC 9494
     * §3 wants the GR capability alongside, so without it we offer none.
     */
    static Capability.LongLivedGracefulRestart offer(GracefulRestart config, Capability.GracefulRestart gr) {
        if (config == null || gr == null || config.longLivedStaleTime() <= 0) return null;
        int time = (int) Math.min(config.longLivedStaleTime(), MAX_STALE_TIME);
        List<Capability.LlgrFamily> families = new ArrayList<>();
        for (Capability.GrFamily f : gr.families()) families.add(new Capability.LlgrFamily(f.afi(), f.safi(), f.forwardingPreserved(), time));
        return families.isEmpty() ? null : new Capability.LongLivedGracefulRestart(families);
    }

    /**
     * Families for which we keep the peer's routes long-lived, with the peer's stale time in
     * seconds: both sides sent the capability, the family was negotiated and the peer listed it
     * with a non-zero time (RFC 9494 §4.2). Empty when LLGR is not in use.
     */
    static Map<Family, Integer> staleTimes(Negotiated n) {
        Map<Family, Integer> out = new EnumMap<>(Family.class);
        if (n == null || n.peerLongLivedGr() == null) return out;
        if (n.localOpen().capability(Capability.LongLivedGracefulRestart.class) == null) return out;
        for (Capability.LlgrFamily lf : n.peerLongLivedGr().families()) {
            Family f = Family.of(lf.afi(), lf.safi());
            if (f != null && n.families().contains(f) && lf.staleTime() > 0) out.put(f, lf.staleTime());
        }
        return out;
    }

    /**
     * Families in which the peer may be sent LLGR_STALE routes: every negotiated one once it sent
     * the capability, even with no family listed (BIRD's "aware" mode), as RFC 9494 §4.3 and BIRD
     * ({@code llgr_aware}) decide it; none without it.
     */
    static Set<Family> receives(Negotiated n) {
        return n.peerLongLivedGr() == null ? Set.of() : n.families();
    }

    /** True when the peer listed the family in its LLGR capability with the F bit set. */
    static boolean forwardingPreserved(Negotiated n, Family f) {
        if (n.peerLongLivedGr() == null) return false;
        for (Capability.LlgrFamily lf : n.peerLongLivedGr().families()) {
            if (lf.afi() == f.afi() && lf.safi() == f.safi()) return lf.forwardingPreserved();
        }
        return false;
    }
}
