package org.bgpd.daemon;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.control.BgpInfo;
import org.bgpd.control.ChannelInfo;
import org.bgpd.control.ProtocolInfo;
import org.bgpd.control.ProtocolState;
import org.bgpd.control.TimerInfo;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Ipv4;
import org.bgpd.session.SessionSnapshot;

/**
 * One configured peer as a {@code show protocols [all]} row: session state from its
 * {@link SessionSnapshot}, route counts per channel from {@link RibStats}. Named exactly as the
 * configuration names the peer, which is what {@code calicoctl node status} looks for.
 * Stateless; safe from any thread.
 */
final class BgpProtocolRow {
    private static final int BGP_PREFERENCE = 100;

    private BgpProtocolRow() {}

    /**
     * @param enabled false after {@code disable} (or {@code disabled: true} in the config)
     * @param stats the RIB's counts, or null when the RIB did not answer
     */
    static ProtocolInfo of(PeerConfig pc, int ribIndex, SessionSnapshot s, boolean enabled, long localAs,
                           RibStats stats) {
        Negotiated n = s.state() == State.ESTABLISHED ? s.negotiated() : null;
        ProtocolState state = !enabled ? ProtocolState.DOWN : n != null ? ProtocolState.UP : ProtocolState.START;
        String bgpState = bgpState(pc, s, enabled);
        String lastError = s.lastError() == null ? null : s.lastError().reason();
        String info = n == null && lastError != null ? lastError : "";
        BgpInfo bgp = new BgpInfo(bgpState, Addresses.text(pc.address().address()), pc.remoteAs(), localAs, false,
                null, null, null,
                n == null ? null : Ipv4.toString(n.peerBgpId()),
                n == null ? null : CapabilityRows.of(n.localOpen()),
                n == null ? null : CapabilityRows.of(n.remoteOpen()),
                n == null ? null : session(pc, localAs, n),
                n == null ? null : address(s.localAddress()),
                n == null ? null : timer(n.holdTime()),
                n == null ? null : timer(n.keepaliveTime()),
                lastError);
        List<ChannelInfo> channels = new ArrayList<>();
        for (FamilyConfig fc : pc.settings().families()) {
            Family f = SessionSettingsFactory.family(fc.family());
            boolean up = n != null && n.families().contains(f);
            RibStats.ChannelStats cs = up && stats != null ? stats.channel(ribIndex, f) : null;
            ChannelInfo.RouteCounts counts = cs == null ? null
                    : new ChannelInfo.RouteCounts(cs.imported(), -1, cs.exported(), cs.preferred());
            channels.add(new ChannelInfo(CapabilityRows.channelName(f), up ? "UP" : "DOWN",
                    CapabilityRows.tableName(f), BGP_PREFERENCE, "ACCEPT", outputFilter(fc, pc.remoteAs() == localAs), false, false, counts, null,
                    null, up ? address(s.localAddress()) : null,
                    f == Family.IPV4_UNICAST ? "master4" : null, f == Family.IPV6_UNICAST ? "master6" : null));
        }
        return new ProtocolInfo(pc.name(), "BGP", null, state, s.since(), info, null, onlyFamily(pc),
                channels, bgp);
    }

    /** BIRD's bgp_state_dsc(): FSM state, "Passive" for a passive peer waiting, "Down" when disabled. */
    static String bgpState(PeerConfig pc, SessionSnapshot s, boolean enabled) {
        if (!enabled) return "Down";
        if (s.state() == State.ACTIVE && pc.settings().passive()) return "Passive";
        return s.state().birdName();
    }

    /** A single-family peer shows on that family's socket only; a dual-family one on both. */
    static Family onlyFamily(PeerConfig pc) {
        List<FamilyConfig> fams = pc.settings().families();
        return fams.size() == 1 ? SessionSettingsFactory.family(fams.get(0).family()) : null;
    }

    /** The export chain's names; with none, RFC 8212's default: iBGP exports all, eBGP nothing. */
    private static String outputFilter(FamilyConfig fc, boolean ibgp) {
        if (!fc.exportPolicies().isEmpty()) return String.join(", ", fc.exportPolicies());
        return ibgp ? "ACCEPT" : "REJECT";
    }

    private static BgpInfo.Session session(PeerConfig pc, long localAs, Negotiated n) {
        return new BgpInfo.Session(pc.remoteAs() == localAs, pc.settings().multihop().isPresent(),
                pc.settings().rrClient(), false, n.fourOctetAs(), !n.addPathReceive().isEmpty(),
                !n.addPathSend().isEmpty(), n.extendedMessage());
    }

    /**
     * The session's timers as configured lengths; the remaining time lives on the session's event
     * loop and is not published, so it is shown as full.
     */
    private static TimerInfo timer(int seconds) {
        return new TimerInfo(seconds * 1000L, seconds);
    }

    private static String address(InetSocketAddress a) {
        return a == null ? null : Addresses.text(a.getAddress());
    }
}
