package org.bgpd.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.concurrent.TimeUnit;
import org.bgpd.fsm.Action;
import org.bgpd.fsm.Event;
import org.bgpd.fsm.SessionState;
import org.bgpd.fsm.State;
import org.bgpd.fsm.Step;
import org.bgpd.fsm.Timer;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.MessageEncoder;

/**
 * One FSM instance and the TCP connection it currently drives (RFC 4271 §8: one FSM per
 * connection). Runs the FSM's actions: writes, closes, timers on the peer's event loop.
 * Peer-wide decisions (collisions, reporting) go back to {@link PeerSession}.
 * Owned by the peer's event loop; not thread-safe.
 */
final class Connection {

    /**
     * A hold timer that runs out while back-pressure has paused our reads is put off by this much
     * (less for shorter hold times) after one read: BIRD's {@code bgp_hold_timeout} gives 10 s more
     * when the socket holds unread data.
     */
    private static final int HOLD_POSTPONE_SECONDS = 10;
    /**
     * How long a closing connection may wait for its NOTIFICATION to be flushed. A dead or stalled
     * peer never takes the bytes queued ahead of it, so without a limit the channel and its
     * outbound buffer would live on after the FSM has let go (BIRD's close state also lasts 10 s).
     */
    static final int CLOSE_GRACE_SECONDS = 10;

    private final PeerSession peer;
    private final EventLoop loop;
    private final EnumMap<Timer, ScheduledFuture<?>> timers = new EnumMap<>(Timer.class);
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private boolean dispatching;

    SessionState state;
    Instant since = Instant.now();
    Channel channel;
    ChannelFuture connecting;
    boolean initiatedLocally;

    /** The hold timer is restarted by every UPDATE; instead of rescheduling, move a deadline. */
    private long holdDeadline;
    private int holdSeconds;
    /** The hold timer was put off since the last message restarted it (log once per silence). */
    private boolean holdPostponed;

    Connection(PeerSession peer, EventLoop loop, SessionState initial) {
        this.peer = peer;
        this.loop = loop;
        this.state = initial;
    }

    /** Feed an event; events raised while actions run are queued so each step completes first. */
    void feed(Event e) {
        pending.add(e);
        if (dispatching) return;
        dispatching = true;
        try {
            Event next;
            while ((next = pending.poll()) != null) {
                State before = state.state();
                Step step = peer.fsm().on(state, next);
                state = step.next();
                if (before != state.state()) since = Instant.now();
                for (Action a : step.actions()) execute(a);
                peer.transitioned(this, before);
            }
        } finally {
            dispatching = false;
        }
    }

    void attach(Channel ch, boolean outgoing) {
        channel = ch;
        initiatedLocally = outgoing;
    }

    boolean hasChannel() { return channel != null; }

    private void execute(Action a) {
        switch (a) {
            case Action.Connect c -> peer.connect(this);
            case Action.Close c -> close();
            case Action.SendOpen o -> write(peer.fsm().config().localOpen());
            case Action.SendKeepalive k -> write(Keepalive.INSTANCE);
            case Action.SendNotification n -> write(n.notification());
            case Action.StartTimer t -> startTimer(t.timer(), t.seconds());
            case Action.StopTimer t -> cancel(t.timer());
            case Action.SessionUp up -> peer.sessionUp(this, up.negotiated());
            case Action.SessionDown d -> peer.sessionDown(this, d.reason(), d.sent(), d.received());
        }
    }

    void write(BgpMessage m) {
        if (channel == null) return;
        ByteBuf buf = channel.alloc().buffer();
        MessageEncoder.encode(m, buf);
        channel.writeAndFlush(buf, channel.voidPromise());
        peer.countOut(m);
    }

    /** Drops the connection after what was written has been flushed; keeps only IDLE_HOLD. */
    private void close() {
        for (Timer t : Timer.values()) if (t != Timer.IDLE_HOLD) cancel(t);
        if (connecting != null) {
            ChannelFuture f = connecting;
            connecting = null;
            f.cancel(false);
            f.channel().close();
        }
        if (channel != null) {
            Channel ch = channel;
            channel = null;
            peer.closing(ch);
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            if (ch.isOpen()) loop.schedule(() -> { ch.close(); }, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Forget this connection entirely: no timer, no channel. */
    void discard() {
        close();
        cancel(Timer.IDLE_HOLD);
    }

    private void startTimer(Timer t, int seconds) {
        if (t == Timer.HOLD) {
            holdDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            holdPostponed = false;
            if (timers.get(Timer.HOLD) != null && seconds == holdSeconds) return;
            holdSeconds = seconds;
        }
        schedule(t, TimeUnit.SECONDS.toNanos(seconds));
    }

    private void schedule(Timer t, long nanos) {
        cancel(t);
        @SuppressWarnings("unchecked")
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = loop.schedule(() -> {
            if (timers.get(t) != self[0]) return;
            timers.remove(t);
            fired(t);
        }, nanos, TimeUnit.NANOSECONDS);
        timers.put(t, self[0]);
    }

    private void fired(Timer t) {
        if (t == Timer.HOLD) {
            long left = holdDeadline - System.nanoTime();
            if (left > 0) {
                schedule(t, left);
                return;
            }
            if (channel != null && !channel.config().isAutoRead()) {
                if (holdPaused(-left)) return;
                peer.holdExpiredWhilePaused();
            }
        }
        feed(new Event.TimerFired(t));
    }

    /**
     * The hold timer ran out {@code overdueNanos} ago while back-pressure had stopped our reads, so
     * the peer's KEEPALIVEs may be sitting unread: a full RIB is our problem, not the peer's. Like
     * BIRD (10 s more while the socket holds unread data) and FRR (the hold timer re-armed while its
     * input queue holds packets), we do not drop the peer for it, but we look instead of assuming:
     * one read (a single buffer, whatever auto-read says) lets any message restart the timer
     * (RFC 4271 §8.2.2), and we check again shortly. Only a peer that sent nothing we could read for
     * a whole hold time beyond its deadline is expired, so postponing is bounded, where it used to
     * repeat for as long as the RIB stayed full.
     * @return true when put off
     */
    private boolean holdPaused(long overdueNanos) {
        if (overdueNanos >= TimeUnit.SECONDS.toNanos(holdSeconds)) return false;
        peer.holdPostponed(!holdPostponed);
        holdPostponed = true;
        schedule(Timer.HOLD, TimeUnit.SECONDS.toNanos(Math.max(1, Math.min(HOLD_POSTPONE_SECONDS, holdSeconds))));
        channel.read();
        return true;
    }

    private void cancel(Timer t) {
        ScheduledFuture<?> f = timers.remove(t);
        if (f != null) f.cancel(false);
    }
}
