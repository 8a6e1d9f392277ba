package org.bgpd.daemon;

import io.netty.buffer.Unpooled;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.atomic.LongAdder;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.session.PeerSession;
import org.bgpd.session.SessionListener;
import org.bgpd.wire.Notification;
import org.bgpd.wire.RouteRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins one peer's session to the RIB: decodes UPDATEs on the session's event loop (the RIB
 * thread only interns), turns session events into RIB commands, and writes the RIB's encoded
 * UPDATEs to the session. Called on the session's event loop ({@link SessionListener}) and on
 * the RIB thread ({@link SessionSink}); its mutable state is the volatile decode context.
 */
final class PeerBinding implements SessionListener, SessionSink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerBinding.class);

    private final int index;
    private final RibLoop rib;
    private final boolean ibgp;
    private final int localAs;
    private final NextHop configuredSelfV6;
    private volatile DecodeContext decode;
    private volatile PeerSession session;
    private final StalePeriod stale;
    final InboxGate inbox;
    private Negotiated negotiated; // session event loop only
    final LongAdder malformed = new LongAdder();
    final LongAdder treatedAsWithdraw = new LongAdder();
    final LongAdder attributesDiscarded = new LongAdder();

    PeerBinding(int index, RibLoop rib, boolean ibgp, long localAs, NextHop configuredSelfV6) {
        this.index = index;
        this.rib = rib;
        this.ibgp = ibgp;
        this.localAs = (int) localAs;
        this.configuredSelfV6 = configuredSelfV6;
        this.stale = new StalePeriod(index, rib);
        this.inbox = new InboxGate(rib);
    }

    void attach(PeerSession s) { this.session = s; }

    int index() { return index; }

    @Override
    public void established(PeerSession s, Negotiated n) {
        decode = new DecodeContext(n.fourOctetAs(), ibgp, localAs, n.families(), n.addPathReceive());
        InetAddress local = s.localAddress();
        NextHop self4 = local instanceof Inet4Address ? Addresses.nextHop(local) : null;
        NextHop self6 = local != null && !(local instanceof Inet4Address) ? Addresses.nextHop(local) : configuredSelfV6;
        EncodeContext encode = EncodeContext.of(self4, self6)
                .withFourOctetAs(n.fourOctetAs())
                .withAddPath(n.addPathSend())
                .withMaxMessageSize(n.maxMessageLength())
                .withLongLivedGr(LongLivedGr.receives(n));
        negotiated = n;
        stale.established(n, s.eventLoop());
        rib.offer(new RibCommand.PeerUp(index, n.peerBgpId(), n.families(), encode, this));
    }

    @Override
    public void update(PeerSession s, byte[] body) {
        DecodeContext ctx = decode;
        if (ctx == null) return; // not Established: the FSM has already answered
        InboundUpdate u = UpdateDecoder.decode(body, 0, body.length, ctx);
        if (u.action() == ErrorAction.SESSION_RESET) {
            // RFC 7606 §3: nothing of this UPDATE may be used; the FSM sends the NOTIFICATION.
            malformed.increment();
            LOG.warn("{}: malformed UPDATE, resetting session: {}", s.name(), u.error());
            s.malformed(u.error());
            return;
        }
        if (u.action() == ErrorAction.TREAT_AS_WITHDRAW) treatedAsWithdraw.increment();
        if (u.discarded().length > 0) attributesDiscarded.add(u.discarded().length);
        rib.offer(new RibCommand.Update(index, u));
        inbox.afterOffer(s);
    }

    @Override
    public void routeRefresh(PeerSession s, RouteRefresh request) {
        RibCommand.Refeed refeed = RouteRefreshes.answer(index, s.snapshot().negotiated(), request);
        LOG.info("{}: route refresh (afi {} safi {} subtype {}){}", s.name(), request.afi(), request.safi(),
                request.subtype(), refeed == null ? " ignored" : "");
        if (refeed != null) rib.offer(refeed);
    }

    @Override
    public void down(PeerSession s, String reason, Notification sent, Notification received) {
        decode = null;
        if (!stale.down(negotiated, sent, received, s.eventLoop())) rib.offer(new RibCommand.PeerDown(index));
    }

    @Override
    public void writabilityChanged(PeerSession s, boolean writable) {
        // The RIB keeps a slow peer's changes as missed prefixes and catches it up; nothing buffers here.
        rib.offer(new RibCommand.Writable(index, writable));
    }

    /** RIB thread: one framed UPDATE, shared by every member of the group; wrapping does not copy. */
    @Override
    public void send(byte[] message) {
        PeerSession s = session;
        if (s != null) s.sendUpdate(Unpooled.wrappedBuffer(message));
    }

    /** RIB thread: one turn's framed UPDATEs for this member, spans of an array the group's members share. */
    @Override
    public void send(byte[] bytes, int[] spans, int runs, int messages) {
        PeerSession s = session;
        if (s != null) s.sendUpdates(bytes, spans, runs, messages);
    }
}
