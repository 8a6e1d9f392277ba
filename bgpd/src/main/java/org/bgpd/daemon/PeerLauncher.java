package org.bgpd.daemon;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.NextHopMode;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.session.PeerSession;
import org.bgpd.wire.Notification;

/**
 * Starts and stops configured peers: a RIB peer index from the {@link PeerTable}, the
 * {@link PeerBinding} that joins the session to the RIB, the session itself, and the RIB's
 * description of the peer. Stateless apart from the table; safe from any thread.
 */
final class PeerLauncher {
    private final RibLoop rib;
    private final EventLoopGroup group;
    private final PeerTable table;

    private volatile RestartRecovery recovery = RestartRecovery.NONE;

    PeerLauncher(RibLoop rib, EventLoopGroup group, PeerTable table) {
        this.rib = rib;
        this.group = group;
        this.table = table;
    }

    /** Set once before the first peer starts: whether this run restarts gracefully. */
    void recovery(RestartRecovery r) { this.recovery = r; }

    /** The session settings of {@code pc}, with this run's graceful-restart flags. */
    org.bgpd.session.PeerSettings settings(DaemonConfig cfg, PeerConfig pc) {
        return SessionSettingsFactory.settings(cfg, pc, recovery);
    }

    /**
     * Creates the peer, tells the RIB about it and starts its session unless it is disabled.
     * Returns null when a running peer already holds its name or address.
     */
    RunningPeer launch(DaemonConfig cfg, PolicyCompiler policies, PeerConfig pc) {
        org.bgpd.session.PeerSettings settings = settings(cfg, pc);
        int index = table.allocateIndex();
        long localAs = pc.settings().effectiveLocalAs(cfg.localAs());
        PeerBinding binding = new PeerBinding(index, rib, pc.remoteAs() == localAs, localAs, selfV6(pc.settings()));
        PeerSession session = new PeerSession(settings, binding, group);
        binding.attach(session);
        InetAddress address = pc.address().address();
        RunningPeer p = new RunningPeer(pc.name(), index, address, pc.remoteAs(), pc.settings(), session, null,
                settings.md5Key());
        if (!table.add(p)) {
            table.releaseIndex(index);
            return null;
        }
        describe(cfg, policies, pc, index);
        PrefixLimitReaction.register(rib, index, pc, session);
        if (!pc.settings().disabled()) session.start();
        return p;
    }

    /** Tells the RIB how to judge the peer's routes: AS, rr-client, import and export chains. */
    void describe(DaemonConfig cfg, PolicyCompiler policies, PeerConfig pc, int index) {
        rib.offer(new RibCommand.AddPeer(ribPeer(index, pc.address().address(), pc.remoteAs(),
                pc.settings().effectiveLocalAs(cfg.localAs()), pc.settings(), policies.peer(pc.settings()))));
    }

    /** {@code next-hop-self} / {@code next-hop-keep} as the RIB's export rewrite mode. */
    static NextHopMode nextHopMode(PeerSettings s) {
        return s.nextHopSelf() ? NextHopMode.SELF : s.nextHopKeep() ? NextHopMode.KEEP : NextHopMode.DEFAULT;
    }

    /**
     * Stops the session with {@code cease} (sent if a connection is up), flushes the peer's
     * routes from the RIB and forgets it. A second call for the same peer does nothing.
     */
    void retire(RunningPeer p, Notification cease) {
        if (!table.remove(p)) return;
        p.session().stop(cease);
        rib.offer(new RibCommand.RemovePeer(p.index()));
    }

    /** The RIB's description of a BGP peer: AS numbers, rr-client, chains, next-hop mode, allow-local-as. */
    static PeerInfo ribPeer(int index, InetAddress address, long remoteAs, long localAs,
                            PeerSettings ps, PeerPolicies policies) {
        return PeerInfo.bgp(index, Addresses.text(address), (int) remoteAs, (int) localAs, 0, ps.rrClient())
                .withPolicies(policies).withNextHop(nextHopMode(ps)).withAllowLocalAs(ps.allowLocalAs());
    }

    /** IPv6 next hop "self" on an IPv4 session: the configured IPv6 local address, if any. */
    static NextHop selfV6(org.bgpd.config.model.PeerSettings ps) {
        return ps.localAddress()
                .filter(a -> a.address().getAddress().length == 16)
                .map(Addresses::nextHop)
                .orElse(null);
    }
}
