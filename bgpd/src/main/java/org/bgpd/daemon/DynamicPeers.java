package org.bgpd.daemon;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.session.PeerLookup;
import org.bgpd.session.PeerSession;
import org.bgpd.wire.NotifyCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's {@link PeerLookup}: a configured peer by address, else a new session for an
 * address inside a {@code dynamic-peers} range (BIRD's {@code neighbor range}), with that entry's
 * settings. A dynamic session is named the entry's name followed by the address with '.' and ':'
 * turned into '_' ({@code Node_} + 10.0.0.5 is {@code Node_10_0_0_5}, the way Calico names its
 * peers). It gets a RIB peer index while it exists and is forgotten when it goes down, or when it
 * has not reached Established {@link #SETUP_SECONDS} after the connection arrived.
 * Thread-safe: called on the event loops; state lives in the {@link PeerTable}.
 */
final class DynamicPeers implements PeerLookup {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicPeers.class);
    static final int SETUP_SECONDS = 60;

    private final PeerTable table;
    private final Supplier<DaemonConfig> config;
    private final Supplier<PolicyCompiler> policies;
    private final RibLoop rib;
    private final EventLoopGroup group;
    private final PeerLauncher launcher;

    DynamicPeers(PeerTable table, Supplier<DaemonConfig> config, Supplier<PolicyCompiler> policies, RibLoop rib, EventLoopGroup group, PeerLauncher launcher) {
        this.table = table;
        this.config = config;
        this.policies = policies;
        this.rib = rib;
        this.group = group;
        this.launcher = launcher;
    }

    @Override
    public PeerSession find(InetAddress remote) {
        RunningPeer known = table.byAddress(remote);
        if (known != null) return known.session();
        DaemonConfig cfg = config.get();
        IpAddress a = new IpAddress(remote);
        for (DynamicPeerConfig d : cfg.dynamicPeers()) {
            if (d.acceptFrom().contains(a)) return accept(cfg, d, remote);
        }
        return null;
    }

    static String name(String prefix, InetAddress a) {
        return prefix + Addresses.text(a).replace('.', '_').replace(':', '_');
    }

    private PeerSession accept(DaemonConfig cfg, DynamicPeerConfig d, InetAddress remote) {
        // One AS: the OPEN must carry it. A range: any AS passes the FSM, DynamicSession checks the range.
        long as = d.remoteAs().size() == 1 && d.remoteAs().get(0).first() == d.remoteAs().get(0).last()
                ? d.remoteAs().get(0).first() : 0;
        String name = name(d.name(), remote);
        PeerConfig pc = new PeerConfig(name, new IpAddress(remote), as, d.settings());
        org.bgpd.session.PeerSettings base = SessionSettingsFactory.settings(cfg, pc);
        // Dynamic sessions only ever answer: the range has no address to connect to.
        org.bgpd.session.PeerSettings settings = new org.bgpd.session.PeerSettings(base.name(),
                new InetSocketAddress(remote, base.remote().getPort()), base.localAddress(), base.md5Key(), base.ttl(),
                base.ttlSecurity(), base.hops(), base.fsm().withPassive(true));
        int index = table.allocateIndex();
        DynamicSession listener = new DynamicSession(index, rib, d.settings().effectiveLocalAs(cfg.localAs()), d.remoteAs(),
                PeerLauncher.selfV6(d.settings()), policies.get().peer(d.settings()), this::forget);
        PeerSession session = new PeerSession(settings, listener, group);
        PrefixLimitReaction.register(rib, index, pc, session);
        RunningPeer p = new RunningPeer(name, index, remote, as, d.settings(), session, d.name(), base.md5Key());
        if (!table.addWithin(p, d.limit())) {
            table.releaseIndex(index);
            LOG.warn("{}: refusing {}: dynamic peer limit {} reached", d.name(), Addresses.text(remote), d.limit());
            return null;
        }
        listener.attach(p);
        LOG.info("{}: dynamic peer from {} (range {})", name, Addresses.text(remote), d.acceptFrom());
        session.start();
        group.schedule(() -> {
            if (!listener.wasEstablished() && session.snapshot().state() != State.ESTABLISHED) {
                LOG.info("{}: no session after {} s, forgetting it", name, SETUP_SECONDS);
                forget(p);
            }
        }, SETUP_SECONDS, TimeUnit.SECONDS);
        return session;
    }

    /** The session ended: stop it for good and take its routes out of the RIB. */
    void forget(RunningPeer p) {
        // Queued, not inline: this runs from inside the session's own FSM step.
        group.execute(() -> launcher.retire(p, NotifyCode.PEER_DECONFIGURED.notification()));
    }
}
