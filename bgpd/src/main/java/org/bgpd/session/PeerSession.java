package org.bgpd.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bgpd.fsm.CollisionResolver;
import org.bgpd.fsm.Event;
import org.bgpd.fsm.FsmConfig;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.SessionFsm;
import org.bgpd.fsm.SessionState;
import org.bgpd.fsm.State;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.Open;
import org.bgpd.wire.RouteRefresh;
import org.bgpd.wire.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured (or dynamic) BGP neighbour: up to two connections, the primary one whose FSM
 * carries the peer's state and back-off, and a second one while an incoming connection races
 * ours (RFC 4271 §6.8). Holds no RIB state: it reports to a {@link SessionListener}.
 *
 * <p>Owned by one event loop: every field is touched on it; the public methods may be called
 * from any thread and hop onto the loop. {@link #sendUpdate(ByteBuf)}, {@link #setAutoRead} and
 * {@link #snapshot} read volatile fields and do not hop.
 */
public final class PeerSession {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);

    private final PeerSettings settings;
    private final SessionFsm fsm;
    private final SessionListener listener;
    private final EventLoop loop;

    private Connection primary;
    private Connection second;

    private volatile Channel established;
    private volatile UpdateOutbox outbox;
    private volatile SessionSnapshot shown;
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder updatesIn = new LongAdder();
    private final LongAdder updatesOut = new LongAdder();
    private final LongAdder connectAttempts = new LongAdder();
    private final LongAdder holdPostponements = new LongAdder();
    private final LongAdder holdExpiriesWhilePaused = new LongAdder();
    /** Connections the FSM has let go of that are still flushing their last bytes. */
    private final Set<Channel> closing = ConcurrentHashMap.newKeySet();

    public PeerSession(PeerSettings settings, SessionListener listener, EventLoopGroup group) {
        this.settings = settings;
        this.fsm = new SessionFsm(settings.fsm());
        this.listener = listener;
        this.loop = group.next();
        this.primary = new Connection(this, loop, SessionState.initial(settings.fsm()));
        publish();
    }

    public PeerSettings settings() { return settings; }

    public String name() { return settings.name(); }

    /** The event loop that owns this session; listener callbacks run on it, so timers scheduled here need no locking. */
    public EventLoop eventLoop() { return loop; }

    /** ManualStart (RFC 4271 §8.1.2 Event 1); the daemon applies the connect delay before calling. */
    public void start() { execute(() -> primary.feed(new Event.Start())); }

    /** ManualStop: the cease goes to the peer if a connection is up; no automatic restart follows. */
    public void stop(Notification cease) {
        execute(() -> {
            if (second != null) {
                Connection c = second;
                second = null;
                c.feed(new Event.Stop(cease));
                c.discard();
            }
            primary.feed(new Event.Stop(cease));
        });
    }

    /** Send an UPDATE body on the Established connection; dropped if there is none. */
    public void sendUpdate(byte[] body) {
        execute(() -> {
            if (primary.state.state() == State.ESTABLISHED) primary.write(new Update(body));
        });
    }

    /** Send a ROUTE-REFRESH (RFC 2918 §3) on the Established connection; dropped if there is none. */
    public void sendRouteRefresh(RouteRefresh request) {
        execute(() -> {
            if (primary.state.state() == State.ESTABLISHED) primary.write(request);
        });
    }

    /**
     * Write a complete, framed UPDATE (header included), taking ownership of one reference:
     * fan-out encodes once and passes {@code buf.retainedDuplicate()} to each member.
     */
    public void sendUpdate(ByteBuf framed) {
        UpdateOutbox o = outbox;
        if (o == null) {
            framed.release();
            return;
        }
        updatesOut.increment();
        messagesOut.increment();
        o.add(framed);
    }

    /**
     * Write {@code messages} complete framed UPDATEs that lie in {@code runs} spans of
     * {@code bytes} ({@code spans[2j]} offset, {@code spans[2j + 1]} length), in order.
     * {@code bytes} is shared with other sessions and must not change; {@code spans} becomes ours.
     */
    public void sendUpdates(byte[] bytes, int[] spans, int runs, int messages) {
        UpdateOutbox o = outbox;
        if (o == null) return;
        updatesOut.add(messages);
        messagesOut.add(messages);
        o.addSpans(bytes, spans, runs);
    }

    /**
     * The daemon found an error in an UPDATE that RFC 7606 says must reset the session: the FSM
     * sends the NOTIFICATION, closes, and restarts after its back-off.
     */
    public void malformed(WireError error) {
        execute(() -> primary.feed(new Event.MessageMalformed(error)));
    }

    /** Our address on the Established connection (the next hop "self" towards this peer), or null. */
    public InetAddress localAddress() {
        Channel ch = established;
        return ch != null && ch.localAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    /**
     * Bytes still queued in connections the FSM has closed (a NOTIFICATION behind data a dead
     * peer never acknowledged): 0 once every such connection is gone, at most
     * {@link Connection#CLOSE_GRACE_SECONDS} after the close.
     */
    public long closingWriteBytes() {
        long sum = 0;
        for (Channel ch : closing) {
            io.netty.channel.ChannelOutboundBuffer b = ch.unsafe().outboundBuffer();
            if (b != null) sum += b.totalPendingWriteBytes();
        }
        return sum;
    }

    /** How many closed connections are still flushing (see {@link #closingWriteBytes()}). */
    public int closingConnections() { return closing.size(); }

    /** Back-pressure from the RIB inbox: stop or resume reading from the peer. */
    public void setAutoRead(boolean read) {
        Channel ch = established;
        if (ch != null) ch.config().setAutoRead(read);
    }

    /** Hold-timer expiries put off because reading was paused and one read found the peer still talking (see {@code Connection}). */
    public long holdPostponements() { return holdPostponements.sum(); }

    /** Sessions dropped by the hold timer while reading was paused: the peer sent nothing a read could find. */
    public long holdExpiriesWhilePaused() { return holdExpiriesWhilePaused.sum(); }

    void holdPostponed(boolean firstSinceMessage) {
        holdPostponements.increment();
        if (firstSinceMessage) {
            LOG.warn("{}: hold timer ran out while reading is paused (RIB inbox full); reading once to look for the peer's messages", name());
        }
    }

    void holdExpiredWhilePaused() {
        holdExpiriesWhilePaused.increment();
        LOG.warn("{}: hold timer expired while reading was paused: no message from the peer since the hold time plus one look", name());
    }

    /**
     * Bytes written to the Established channel and not yet taken by the kernel: what the RIB's
     * back-pressure keeps bounded for a peer that stops reading. 0 when not Established.
     */
    public long pendingWriteBytes() {
        Channel ch = established;
        if (ch == null) return 0;
        io.netty.channel.ChannelOutboundBuffer b = ch.unsafe().outboundBuffer();
        return b == null ? 0 : b.totalPendingWriteBytes();
    }

    public SessionSnapshot snapshot() {
        SessionSnapshot s = shown;
        return new SessionSnapshot(s.name(), s.state(), s.since(), s.lastError(), s.negotiated(),
                s.connectRetryCounter(), connectAttempts.sum(), messagesIn.sum(), messagesOut.sum(),
                updatesIn.sum(), updatesOut.sum(), s.localAddress(), s.remoteAddress());
    }

    /** A connection from this peer's address, accepted by {@link BgpListener} with auto-read off. */
    void accept(Channel ch) {
        execute(() -> {
            State st = primary.state.state();
            Connection target;
            if (!primary.hasChannel() && primary.connecting == null && (st == State.CONNECT || st == State.ACTIVE)) {
                target = primary;
            } else if (second == null && st != State.IDLE) {
                second = new Connection(this, loop,
                        new SessionState(State.ACTIVE, 0, settings.fsm().idleHoldMin(), null, null));
                target = second;
            } else {
                LOG.info("{}: Incoming connection from {} rejected in state {}", name(), ch.remoteAddress(), st);
                ch.close();
                return;
            }
            ch.pipeline().addLast(new BgpFrameDecoder(), new SessionHandler(this, target));
            target.attach(ch, false);
            ch.config().setAutoRead(true);
            target.feed(new Event.TcpConnected());
        });
    }

    /** The FSM's Connect action: an outgoing connection from the configured local address. */
    void connect(Connection c) {
        connectAttempts.increment();
        FsmConfig cfg = settings.fsm();
        Bootstrap b = new Bootstrap().group(loop).channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, cfg.connectRetryTime() * 1000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        TcpOptions.applyTtl(ch, settings.remote().getAddress(), settings);
                        ch.pipeline().addLast(new BgpFrameDecoder(), new SessionHandler(PeerSession.this, c));
                    }
                });
        if (settings.md5Key() != null) {
            b.option(EpollChannelOption.TCP_MD5SIG, Map.of(settings.remote().getAddress(), settings.md5Key()));
        }
        InetSocketAddress local = settings.localAddress() == null ? null : new InetSocketAddress(settings.localAddress(), 0);
        ChannelFuture f = b.connect(settings.remote(), local);
        c.connecting = f;
        f.addListener(done -> execute(() -> {
            if (c.connecting != f) {
                if (done.isSuccess()) f.channel().close();
                return;
            }
            c.connecting = null;
            if (done.isSuccess()) {
                c.attach(f.channel(), true);
                c.feed(new Event.TcpConnected());
            } else {
                Throwable t = done.cause();
                c.feed(new Event.TcpFailed(t == null ? "Connect cancelled" : String.valueOf(t.getMessage())));
            }
        }));
    }

    /** Called after every FSM step: second-connection bookkeeping and collision resolution. */
    void transitioned(Connection c, State before) {
        State now = c.state.state();
        if (c == second && !c.hasChannel()) {
            second = null;
            c.discard();
        } else if (c == primary && second != null && (now == State.IDLE || now == State.ACTIVE) && !c.hasChannel()) {
            // Our connection failed while the peer's is still going: carry on with theirs.
            promoteSecond();
        }
        publish();
    }

    /**
     * Collision detection when an OPEN arrives, before the FSM answers it with a KEEPALIVE, so a
     * losing connection never looks Established to the peer (RFC 4271 §6.8, as BIRD does it).
     * Returns whether {@code c} survives and should see the OPEN.
     */
    boolean openArrived(Connection c, Open open) {
        Connection other = c == primary ? second : primary;
        if (other == null || c.state.state() != State.OPEN_SENT) return true;
        if (c == second && !other.hasChannel()) {
            // Our own attempt has not connected yet: the peer's connection replaces it.
            promoteSecond();
            return true;
        }
        State os = other.state.state();
        if (os != State.OPEN_CONFIRM && os != State.ESTABLISHED) return true;
        FsmConfig cfg = settings.fsm();
        CollisionResolver.Keep keep = CollisionResolver.resolve(cfg.routerId(), open.bgpId(), cfg.localAs(),
                open.asNumber(),
                new CollisionResolver.Connection(other.initiatedLocally, os),
                new CollisionResolver.Connection(c.initiatedLocally, c.state.state()));
        Connection loser = keep == CollisionResolver.Keep.EXISTING ? c : other;
        if (loser == second) second = null;
        // A losing primary goes Idle without a channel, and transitioned() promotes the second.
        loser.feed(new Event.Stop(NotifyCode.CONNECTION_COLLISION.notification()));
        loser.discard();
        return loser != c;
    }

    /** The second connection takes over, inheriting the peer's back-off state. */
    private void promoteSecond() {
        Connection old = primary;
        Connection s = second;
        second = null;
        primary = s;
        s.state = new SessionState(s.state.state(), old.state.connectRetryCounter(), old.state.idleHoldTime(),
                s.state.negotiated(), old.state.lastError());
        old.discard();
    }

    void sessionUp(Connection c, Negotiated n) {
        c.channel.pipeline().get(BgpFrameDecoder.class).setMaxLength(n.maxMessageLength());
        TcpOptions.applyUserTimeout(c.channel, n.holdTime());
        outbox = new UpdateOutbox(c.channel);
        established = c.channel;
        LOG.info("{}: BGP session established", name());
        listener.established(this, n);
    }

    void sessionDown(Connection c, String reason, Notification sent, Notification received) {
        established = null;
        outbox = null;
        LOG.info("{}: BGP session down: {}", name(), reason);
        listener.down(this, reason, sent, received);
    }

    void deliverUpdate(Connection c, byte[] body) {
        if (c == primary && c.state.state() == State.ESTABLISHED) listener.update(this, body);
    }

    void deliverRouteRefresh(Connection c, RouteRefresh r) {
        if (c == primary && c.state.state() == State.ESTABLISHED) listener.routeRefresh(this, r);
    }

    void writabilityChanged(Connection c, Channel ch, boolean writable) {
        if (c == primary && established == ch) listener.writabilityChanged(this, writable);
    }

    void countIn(BgpMessage m) {
        messagesIn.increment();
        if (m instanceof Update) updatesIn.increment();
    }

    void countOut(BgpMessage m) {
        messagesOut.increment();
        if (m instanceof Update) updatesOut.increment();
    }

    SessionFsm fsm() { return fsm; }

    /** A connection is closing: count its queued bytes until the channel is really closed. */
    void closing(Channel ch) {
        if (!ch.isOpen()) return;
        closing.add(ch);
        ch.closeFuture().addListener(f -> closing.remove(ch));
    }

    void execute(Runnable r) {
        if (loop.inEventLoop()) r.run();
        else loop.execute(r);
    }

    private void publish() {
        Connection p = primary;
        SessionState s = p.state;
        Channel ch = p.channel;
        shown = new SessionSnapshot(name(), s.state(), p.since, s.lastError(),
                s.state() == State.ESTABLISHED ? s.negotiated() : null, s.connectRetryCounter(), 0, 0, 0, 0, 0,
                ch == null ? null : (InetSocketAddress) ch.localAddress(),
                ch == null ? null : (InetSocketAddress) ch.remoteAddress());
    }
}
