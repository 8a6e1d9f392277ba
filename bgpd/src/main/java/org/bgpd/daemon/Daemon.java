package org.bgpd.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.session.BgpListener;
import org.bgpd.session.PeerSession;
import org.bgpd.session.SessionTransport;
import org.bgpd.wire.NotifyCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and runs everything, with plain constructors in dependency order: the RIB thread, the
 * session event loop, the listener, one session per configured peer, static routes. Public
 * methods are called from the main thread and the control socket; they only hand work to the
 * owning threads.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** RIB peer index of the pseudo-peer that originates configured static routes. */
    static final int STATIC_PEER = 0;

    private final DaemonConfig config;
    private final Path configPath;
    private final RibLoop rib;
    private final Thread ribThread;
    private final SessionTransport transport;
    private final BgpListener listener;
    private final Map<String, PeerSession> sessions = new LinkedHashMap<>();
    private final Map<String, PeerBinding> bindings = new HashMap<>();
    private final Map<InetAddress, PeerSession> byAddress = new HashMap<>();
    private final Instant started = Instant.now();

    public Daemon(DaemonConfig config, Path configPath) {
        this.config = config;
        this.configPath = configPath;
        int routerId = Addresses.routerId(config.routerId());
        // No FIB sink until fib-sync is wired: null lets the RIB skip the multipath work per change.
        this.rib = new RibLoop(routerId, DecisionOptions.defaults(), null, 4096, 4096);
        this.ribThread = Thread.ofPlatform().name("rib").daemon(true).unstarted(rib);
        this.transport = new SessionTransport(1);
        this.listener = new BgpListener(transport.group(), byAddress::get);
    }

    public void start() {
        ribThread.start();
        int localAs = (int) config.localAs();
        int routerId = Addresses.routerId(config.routerId());
        rib.offer(new RibCommand.AddPeer(PeerInfo.local(STATIC_PEER, PeerKind.STATIC, localAs, routerId)));
        int index = STATIC_PEER + 1;
        Map<InetAddress, byte[]> md5 = new HashMap<>();
        for (PeerConfig pc : config.peers()) {
            org.bgpd.session.PeerSettings settings = SessionSettingsFactory.settings(config, pc);
            boolean ibgp = pc.remoteAs() == config.localAs();
            PeerBinding binding = new PeerBinding(index, rib, ibgp, config.localAs(), selfV6(pc));
            PeerSession session = new PeerSession(settings, binding, transport.group());
            binding.attach(session);
            PrefixLimitReaction.register(rib, index, pc, session);
            rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(index, Addresses.text(pc.address().address()),
                    (int) pc.remoteAs(), localAs, 0, pc.settings().rrClient())));
            sessions.put(pc.name(), session);
            bindings.put(pc.name(), binding);
            byAddress.put(pc.address().address(), session);
            if (settings.md5Key() != null) md5.put(pc.address().address(), settings.md5Key());
            index++;
        }
        for (StaticRoute r : config.staticRoutes()) {
            rib.offer(new RibCommand.Originate(STATIC_PEER, Addresses.prefix(r.prefix()), StaticRoutes.attrs(r)));
        }
        listener.setMd5Keys(md5);
        listener.bind(listenAddress());
        LOG.info("bgpd started: router id {}, AS {}, listening on {}, {} peers, {} static routes",
                config.routerId(), config.localAs(), listener.localAddress(), sessions.size(), config.staticRoutes().size());
        for (PeerConfig pc : config.peers()) {
            if (!pc.settings().disabled()) sessions.get(pc.name()).start();
        }
    }

    private InetSocketAddress listenAddress() {
        int port = config.listen().port();
        return config.listen().address()
                .map(a -> new InetSocketAddress(a.address(), port))
                .orElseGet(() -> new InetSocketAddress(port));
    }

    /** IPv6 next hop "self" on an IPv4 session: the configured IPv6 local address, if any. */
    private static NextHop selfV6(PeerConfig pc) {
        return pc.settings().localAddress()
                .filter(a -> a.address().getAddress().length == 16)
                .map(Addresses::nextHop)
                .orElse(null);
    }

    public DaemonConfig config() { return config; }

    public Path configPath() { return configPath; }

    public Instant started() { return started; }

    public RibLoop rib() { return rib; }

    public List<PeerSession> sessions() { return new ArrayList<>(sessions.values()); }

    public PeerSession session(String name) { return sessions.get(name); }

    public InetSocketAddress boundAddress() { return listener.localAddress(); }

    @Override
    public void close() {
        for (PeerSession s : sessions.values()) s.stop(NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification());
        listener.close();
        transport.close();
        rib.stop();
        try {
            ribThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
