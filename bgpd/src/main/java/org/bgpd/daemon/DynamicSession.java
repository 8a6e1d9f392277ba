package org.bgpd.daemon;

import java.util.List;
import java.util.function.Consumer;
import org.bgpd.config.model.AsRange;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.route.NextHop;
import org.bgpd.session.PeerSession;
import org.bgpd.session.SessionListener;
import org.bgpd.wire.Notification;
import org.bgpd.wire.RouteRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session listener of a dynamic peer. Its AS may be any in a range, so it is known only
 * from the OPEN: the RIB learns of the peer, and the {@link PeerBinding} (iBGP or eBGP decoding)
 * is made, when the session is Established. When the session ends the peer is forgotten.
 * Called on the session's event loop; the binding is published through a volatile field.
 */
final class DynamicSession implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicSession.class);

    private final int index;
    private final RibLoop rib;
    private final long localAs;
    private final List<AsRange> allowed;
    private final NextHop selfV6;
    private final PeerPolicies policies;
    private final Consumer<RunningPeer> onEnd;
    private volatile RunningPeer peer;
    private volatile PeerBinding binding;
    private volatile boolean wasEstablished;

    DynamicSession(int index, RibLoop rib, long localAs, List<AsRange> allowed, NextHop selfV6, PeerPolicies policies,
                   Consumer<RunningPeer> onEnd) {
        this.policies = policies;
        this.index = index;
        this.rib = rib;
        this.localAs = localAs;
        this.allowed = List.copyOf(allowed);
        this.selfV6 = selfV6;
        this.onEnd = onEnd;
    }

    void attach(RunningPeer p) { this.peer = p; }

    boolean wasEstablished() { return wasEstablished; }

    @Override
    public void established(PeerSession s, Negotiated n) {
        wasEstablished = true;
        if (!permitted(n.peerAs())) {
            // RFC 4271 §6.2 would reject the OPEN; the range is checked here, so Cease instead.
            LOG.warn("{}: AS {} is outside the dynamic peer's AS range {}", s.name(), n.peerAs(), allowed);
            onEnd.accept(peer);
            return;
        }
        boolean ibgp = n.peerAs() == localAs;
        PeerBinding b = new PeerBinding(index, rib, ibgp, localAs, selfV6);
        b.attach(s);
        binding = b;
        RunningPeer p = peer;
        rib.offer(new RibCommand.AddPeer(PeerLauncher.ribPeer(index, p.address(), n.peerAs(), localAs, p.settings(), policies)));
        b.established(s, n);
    }

    private boolean permitted(long as) {
        for (AsRange r : allowed) if (r.contains(as)) return true;
        return false;
    }

    @Override
    public void update(PeerSession s, byte[] body) {
        PeerBinding b = binding;
        if (b != null) b.update(s, body);
    }

    @Override
    public void routeRefresh(PeerSession s, RouteRefresh request) {
        PeerBinding b = binding;
        if (b != null) b.routeRefresh(s, request);
    }

    @Override
    public void down(PeerSession s, String reason, Notification sent, Notification received) {
        PeerBinding b = binding;
        binding = null;
        if (b != null) b.down(s, reason, sent, received);
        onEnd.accept(peer);
    }

    @Override
    public void writabilityChanged(PeerSession s, boolean writable) {
        PeerBinding b = binding;
        if (b != null) b.writabilityChanged(s, writable);
    }

    /** The binding while Established, for refeed and statistics; null otherwise. */
    PeerBinding binding() { return binding; }
}
