package org.bgpd.fsm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.Capability;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.Open;

/**
 * Validation of a received OPEN against our configuration (RFC 4271 §6.2) and capability
 * negotiation (RFC 5492) against the OPEN we sent. Stateless.
 *
 * <p>No family in common is not an error: like BIRD 2 (which only marks each channel active when
 * both sides announced it), the session comes up with an empty family set and carries only
 * keepalives. Route refresh counts as negotiated when the peer announced it, again as BIRD does:
 * it is the peer that must accept our ROUTE-REFRESH.
 */
public final class OpenChecks {

    /** The outcome: negotiated parameters, or the error to put in a NOTIFICATION. */
    public sealed interface Result {
        record Accepted(Negotiated negotiated) implements Result {}

        record Rejected(WireError error) implements Result {}
    }

    private static final int OPEN = WireError.OPEN_MESSAGE_ERROR;

    private OpenChecks() {}

    public static Result validate(Open remote, FsmConfig cfg) {
        if (remote.version() != 4) {
            // §6.2: the data is the largest version we support, as a 2-octet number.
            return reject(NotifyCode.UNSUPPORTED_VERSION, new byte[] {0, 4}, "version " + remote.version());
        }
        Capability.FourOctetAs as4 = remote.capability(Capability.FourOctetAs.class);
        long peerAs = as4 != null ? as4.as() : remote.myAs();
        if (as4 != null) {
            // RFC 6793 §4.1: a 4-octet speaker puts AS_TRANS in My AS only when its AS needs 4
            // octets; the capability itself must carry the real AS, never AS_TRANS.
            boolean consistent = remote.myAs() == Open.AS_TRANS ? peerAs > 0xFFFF || peerAs == Open.AS_TRANS
                    : remote.myAs() == peerAs;
            if (peerAs == Open.AS_TRANS || peerAs == 0 || !consistent) {
                return reject(NotifyCode.BAD_PEER_AS, u16(remote.myAs()), "bad AS " + peerAs + "/" + remote.myAs());
            }
        }
        if (cfg.peerAs() != 0 && peerAs != cfg.peerAs()) {
            return reject(NotifyCode.BAD_PEER_AS, u16(remote.myAs()), "peer AS " + peerAs + ", expected " + cfg.peerAs());
        }
        // RFC 6286 §2.2: any non-zero identifier, but an internal peer must not share ours.
        boolean internal = peerAs == cfg.localAs();
        if (remote.bgpId() == 0 || (internal && remote.bgpId() == cfg.routerId())) {
            return reject(NotifyCode.BAD_BGP_IDENTIFIER, u32(remote.bgpId()), "bad identifier");
        }
        if (remote.holdTime() == 1 || remote.holdTime() == 2) {
            return reject(NotifyCode.UNACCEPTABLE_HOLD_TIME, new byte[0], "hold time " + remote.holdTime());
        }
        return new Result.Accepted(negotiate(remote, cfg, peerAs));
    }

    private static Negotiated negotiate(Open remote, FsmConfig cfg, long peerAs) {
        Open local = cfg.localOpen();
        Set<Family> families = families(local);
        families.retainAll(families(remote));

        Set<Family> addPathReceive = EnumSet.noneOf(Family.class);
        Set<Family> addPathSend = EnumSet.noneOf(Family.class);
        Capability.AddPath ours = local.capability(Capability.AddPath.class);
        Capability.AddPath theirs = remote.capability(Capability.AddPath.class);
        if (ours != null && theirs != null) {
            // RFC 7911 §4: we receive paths where we said receive and they said send, and vice versa.
            for (Capability.AddPathFamily l : ours.families()) {
                Family f = Family.of(l.afi(), l.safi());
                if (f == null || !families.contains(f)) continue;
                for (Capability.AddPathFamily r : theirs.families()) {
                    if (r.afi() != l.afi() || r.safi() != l.safi()) continue;
                    if (l.receive() && r.send()) addPathReceive.add(f);
                    if (l.send() && r.receive()) addPathSend.add(f);
                }
            }
        }

        int hold = Math.min(cfg.holdTime(), remote.holdTime());
        int configuredKeepalive = cfg.keepaliveTime() == 0 ? hold / 3 : cfg.keepaliveTime();
        int keepalive = hold == 0 ? 0 : Math.max(1, Math.min(configuredKeepalive, hold / 3));

        return new Negotiated(local, remote, peerAs, remote.bgpId(), hold, keepalive,
                has(local, Capability.FourOctetAs.class) && has(remote, Capability.FourOctetAs.class),
                families, addPathReceive, addPathSend,
                has(remote, Capability.RouteRefreshCap.class),
                has(local, Capability.EnhancedRouteRefresh.class) && has(remote, Capability.EnhancedRouteRefresh.class),
                has(local, Capability.ExtendedMessage.class) && has(remote, Capability.ExtendedMessage.class),
                remote.capability(Capability.GracefulRestart.class),
                remote.capability(Capability.LongLivedGracefulRestart.class));
    }

    /** The families an OPEN announces; none at all means IPv4 unicast (RFC 4760 §8 compatibility). */
    static Set<Family> families(Open open) {
        Set<Family> out = EnumSet.noneOf(Family.class);
        List<Capability.Multiprotocol> mp = open.capabilities(Capability.Multiprotocol.class);
        if (mp.isEmpty()) {
            out.add(Family.IPV4_UNICAST);
            return out;
        }
        for (Capability.Multiprotocol m : mp) {
            Family f = m.family();
            if (f != null) out.add(f);
        }
        return out;
    }

    private static boolean has(Open o, Class<? extends Capability> type) { return o.capability(type) != null; }

    private static Result reject(NotifyCode c, byte[] data, String reason) {
        return new Result.Rejected(new WireError(c.code(), c.subcode(), data, reason));
    }

    private static byte[] u16(int v) { return new byte[] {(byte) (v >>> 8), (byte) v}; }

    private static byte[] u32(int v) { return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}; }
}
