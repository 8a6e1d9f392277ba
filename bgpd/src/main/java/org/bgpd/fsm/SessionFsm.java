package org.bgpd.fsm;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;

/**
 * The BGP finite state machine of RFC 4271 §8.2.2 for one TCP connection, as a pure function:
 * {@code on(state, event)} returns the next state and the actions the adapter must run. No I/O,
 * no clock: timers are {@link Action.StartTimer} out and {@link Event.TimerFired} in. Immutable;
 * safe to share.
 *
 * <p>Deviations from the RFC text, following BIRD: every failure after the TCP connection is up
 * goes to Idle with an IDLE_HOLD back-off (BIRD's "error wait time"), and IDLE_HOLD expiry is an
 * automatic start. A {@link Event.Stop} leaves no timer running, so the session stays down.
 * Collision detection (§6.8) needs both connections and lives in {@link CollisionResolver}.
 *
 * <p>An administrative Cease from the peer (RFC 4486 subcodes 2, 3, 4, 6; RFC 8538 Hard Reset)
 * is an operator's decision on the other side, not a fault of the session, so it does not feed
 * the back-off (RFC 4271 §8.1.1 DampPeerOscillations damps <em>persistent errors</em>; BIRD's
 * bgp_rx_notification likewise skips its startup-delay update for every Cease): the session
 * waits in Active, accepting the peer's next connection at once, and dials again after the
 * connect delay. Without this a {@code birdc disable}/{@code enable} on the peer left us in Idle
 * refusing its connections for the whole 60 s error wait. Idle with a back-off still refuses
 * incoming connections (§8.2.2 Idle, and BIRD too: bgp_incoming_connection accepts only from
 * BSS_CONNECT on), so a peer that keeps sending us malformed input stays damped.
 */
public final class SessionFsm {

    private final FsmConfig cfg;

    public SessionFsm(FsmConfig cfg) { this.cfg = cfg; }

    public FsmConfig config() { return cfg; }

    public Step on(SessionState s, Event e) {
        return switch (s.state()) {
            case IDLE -> onIdle(s, e);
            case CONNECT -> onConnect(s, e);
            case ACTIVE -> onActive(s, e);
            case OPEN_SENT -> onOpenSent(s, e);
            case OPEN_CONFIRM -> onOpenConfirm(s, e);
            case ESTABLISHED -> onEstablished(s, e);
        };
    }

    private Step onIdle(SessionState s, Event e) {
        return switch (e) {
            case Event.Start st -> start(s);
            case Event.TimerFired(Timer t) when t == Timer.IDLE_HOLD -> start(s);
            // ManualStop in Idle cancels a pending automatic restart.
            case Event.Stop st -> step(s, new Action.StopTimer(Timer.IDLE_HOLD));
            // §8.2.2 Idle: "refuses all incoming BGP connections".
            case Event.TcpConnected c -> step(s, new Action.Close());
            default -> step(s);
        };
    }

    private Step start(SessionState s) {
        if (cfg.passive()) return step(s.to(State.ACTIVE));
        return step(s.to(State.CONNECT), new Action.Connect(), connectRetryTimer());
    }

    private Step onConnect(SessionState s, Event e) {
        return switch (e) {
            case Event.Start st -> step(s);
            case Event.Stop st -> stop(s, null, false);
            case Event.TimerFired(Timer t) when t == Timer.CONNECT_RETRY ->
                    step(s, new Action.Close(), new Action.Connect(), connectRetryTimer());
            case Event.TimerFired t -> step(s);
            case Event.TcpConnected c -> openSent(s);
            // §8.2.2 Connect, Event 18: keep listening, retry when ConnectRetryTimer fires.
            case Event.TcpFailed f -> waitActive(s, LastError.socket(f.reason()), false);
            case Event.TcpClosed f -> waitActive(s, LastError.socket(f.reason()), false);
            default -> fail(s, LastError.socket("Unexpected event " + name(e)), null);
        };
    }

    private Step onActive(SessionState s, Event e) {
        return switch (e) {
            case Event.Start st -> step(s);
            case Event.Stop st -> stop(s, null, false);
            case Event.TimerFired(Timer t) when t == Timer.CONNECT_RETRY && !cfg.passive() ->
                    step(s.to(State.CONNECT), new Action.Connect(), connectRetryTimer());
            case Event.TimerFired t -> step(s);
            case Event.TcpConnected c -> openSent(s);
            default -> fail(s, LastError.socket("Unexpected event " + name(e)), null);
        };
    }

    private Step openSent(SessionState s) {
        return step(s.to(State.OPEN_SENT), new Action.StopTimer(Timer.CONNECT_RETRY), new Action.SendOpen(),
                new Action.StartTimer(Timer.HOLD, cfg.initialHoldTime()));
    }

    private Step onOpenSent(SessionState s, Event e) {
        return switch (e) {
            case Event.OpenReceived(var open) -> switch (OpenChecks.validate(open, cfg)) {
                case OpenChecks.Result.Rejected(WireError err) -> fail(s, notification(err));
                case OpenChecks.Result.Accepted(Negotiated n) -> openConfirm(s, n);
            };
            // §8.2.2 OpenSent, Event 18: back to Active, retry later.
            case Event.TcpClosed c -> waitActive(s, LastError.socket(c.reason()), true);
            case Event.TcpFailed c -> waitActive(s, LastError.socket(c.reason()), true);
            default -> common(s, e, NotifyCode.FSM_UNEXPECTED_IN_OPEN_SENT);
        };
    }

    private Step openConfirm(SessionState s, Negotiated n) {
        SessionState next = new SessionState(State.OPEN_CONFIRM, s.connectRetryCounter(), s.idleHoldTime(), n,
                s.lastError());
        List<Action> a = new ArrayList<>(3);
        a.add(new Action.SendKeepalive());
        if (n.holdTime() == 0) {
            // RFC 4271 §4.2: hold time 0 means neither the hold nor the keepalive timer runs.
            a.add(new Action.StopTimer(Timer.HOLD));
        } else {
            a.add(new Action.StartTimer(Timer.HOLD, n.holdTime()));
            a.add(keepaliveTimer(n));
        }
        return new Step(next, a);
    }

    private Step onOpenConfirm(SessionState s, Event e) {
        return switch (e) {
            case Event.KeepaliveReceived k -> {
                List<Action> a = new ArrayList<>(3);
                if (s.holdTime() > 0) a.add(new Action.StartTimer(Timer.HOLD, s.holdTime()));
                a.add(new Action.StartTimer(Timer.ERROR_FORGET, cfg.errorForgetTime()));
                a.add(new Action.SessionUp(s.negotiated()));
                yield new Step(s.to(State.ESTABLISHED), a);
            }
            case Event.TimerFired(Timer t) when t == Timer.KEEPALIVE ->
                    step(s, new Action.SendKeepalive(), keepaliveTimer(s.negotiated()));
            case Event.TcpClosed c -> transportLost(s, LastError.socket(c.reason()));
            case Event.TcpFailed c -> fail(s, LastError.socket(c.reason()), null);
            default -> common(s, e, NotifyCode.FSM_UNEXPECTED_IN_OPEN_CONFIRM);
        };
    }

    private Step onEstablished(SessionState s, Event e) {
        return switch (e) {
            case Event.KeepaliveReceived k -> holdRestart(s);
            case Event.UpdateReceived u -> holdRestart(s);
            case Event.RouteRefreshReceived r -> holdRestart(s);
            case Event.TimerFired(Timer t) when t == Timer.KEEPALIVE ->
                    step(s, new Action.SendKeepalive(), keepaliveTimer(s.negotiated()));
            case Event.TimerFired(Timer t) when t == Timer.ERROR_FORGET ->
                    step(new SessionState(s.state(), 0, cfg.idleHoldMin(), s.negotiated(), s.lastError()));
            case Event.TcpClosed c -> transportLost(s, LastError.socket(c.reason()));
            case Event.TcpFailed c -> fail(s, LastError.socket(c.reason()), null);
            default -> common(s, e, NotifyCode.FSM_UNEXPECTED_IN_ESTABLISHED);
        };
    }

    private Step holdRestart(SessionState s) {
        return s.holdTime() == 0 ? step(s) : step(s, new Action.StartTimer(Timer.HOLD, s.holdTime()));
    }

    /** Events handled alike once the connection is up (OpenSent, OpenConfirm, Established). */
    private Step common(SessionState s, Event e, NotifyCode unexpected) {
        return switch (e) {
            case Event.Start st -> step(s);
            case Event.Stop(Notification cease) -> stop(s, cease, true);
            case Event.TimerFired(Timer t) when t == Timer.HOLD ->
                    fail(s, NotifyCode.HOLD_TIMER_EXPIRED.notification());
            case Event.TimerFired(Timer t) when t == Timer.SEND_HOLD ->
                    fail(s, NotifyCode.SEND_HOLD_TIMER_EXPIRED.notification());
            case Event.TimerFired t -> step(s);
            case Event.NotificationReceived(Notification n) when administrativeCease(n) ->
                    peerCeased(s, LastError.received(n));
            case Event.NotificationReceived(Notification n) -> fail(s, LastError.received(n), null);
            case Event.MessageMalformed(WireError err) -> fail(s, notification(err));
            case Event.TcpConnected c -> step(s);
            // RFC 6608: an unexpected message gets an FSM error with the state as subcode.
            default -> fail(s, unexpected.notification());
        };
    }

    /** Error after which the peer must hear why: NOTIFICATION, Close, Idle with back-off. */
    private Step fail(SessionState s, Notification send) {
        return fail(s, LastError.sent(send), send);
    }

    private Step fail(SessionState s, LastError why, Notification send) {
        List<Action> a = new ArrayList<>(4);
        if (send != null) a.add(new Action.SendNotification(send));
        a.add(new Action.Close());
        if (s.state() == State.ESTABLISHED) a.add(new Action.SessionDown(why.reason(), why.sent(), why.received()));
        a.add(new Action.StartTimer(Timer.IDLE_HOLD, cfg.jitter().applyAsInt(s.idleHoldTime())));
        int nextHold = (int) Math.min((long) s.idleHoldTime() * 2, cfg.idleHoldMax());
        return new Step(new SessionState(State.IDLE, s.connectRetryCounter() + 1, nextHold, null, why), a);
    }

    /**
     * The peer's TCP connection went away without a NOTIFICATION, most often because the peer
     * restarted. As BIRD does (its helper view after a peer crash shows "Active"), wait in Active,
     * where the restarted peer's connection is accepted at once, instead of the error back-off
     * that would refuse it for a minute. Errors with a NOTIFICATION still back off.
     */
    private Step transportLost(SessionState s, LastError why) {
        List<Action> a = new ArrayList<>(3);
        a.add(new Action.Close());
        if (s.state() == State.ESTABLISHED) a.add(new Action.SessionDown(why.reason(), why.sent(), why.received()));
        if (!cfg.passive()) a.add(connectRetryTimer());
        return new Step(new SessionState(State.ACTIVE, s.connectRetryCounter() + 1, s.idleHoldTime(), null, why), a);
    }

    /** The peer's operator stopped or reset the session: no back-off, see the class comment. */
    private Step peerCeased(SessionState s, LastError why) {
        List<Action> a = new ArrayList<>(3);
        a.add(new Action.Close());
        if (s.state() == State.ESTABLISHED) a.add(new Action.SessionDown(why.reason(), why.sent(), why.received()));
        if (!cfg.passive()) a.add(new Action.StartTimer(Timer.CONNECT_RETRY, Math.max(1, cfg.connectDelayTime())));
        return new Step(new SessionState(State.ACTIVE, s.connectRetryCounter() + 1, s.idleHoldTime(), null, why), a);
    }

    static boolean administrativeCease(Notification n) {
        if (n.code() != NotifyCode.ADMINISTRATIVE_SHUTDOWN.code()) return false;
        return switch (n.subcode()) {
            case 2, 3, 4, 6, 9 -> true; // shutdown, de-configured, reset, other configuration change, hard reset
            default -> false;
        };
    }

    /** Transport lost before OPEN was exchanged: RFC 4271 keeps trying from Active. */
    private Step waitActive(SessionState s, LastError why, boolean connectionWasUp) {
        List<Action> a = new ArrayList<>(2);
        if (connectionWasUp) a.add(new Action.Close());
        if (!cfg.passive()) a.add(connectRetryTimer());
        return new Step(new SessionState(State.ACTIVE, s.connectRetryCounter() + 1, s.idleHoldTime(), null, why), a);
    }

    private Step stop(SessionState s, Notification cease, boolean connectionUp) {
        List<Action> a = new ArrayList<>(3);
        if (connectionUp && cease != null) a.add(new Action.SendNotification(cease));
        a.add(new Action.Close());
        LastError why = cease == null ? new LastError("Stopped", null, null) : LastError.sent(cease);
        if (s.state() == State.ESTABLISHED) a.add(new Action.SessionDown(why.reason(), why.sent(), null));
        // §8.2.2 ManualStop: ConnectRetryCounter back to zero; no timer left, so no automatic restart.
        return new Step(new SessionState(State.IDLE, 0, s.idleHoldTime(), null, why), a);
    }

    private Action connectRetryTimer() {
        return new Action.StartTimer(Timer.CONNECT_RETRY, cfg.jitter().applyAsInt(cfg.connectRetryTime()));
    }

    private Action keepaliveTimer(Negotiated n) {
        return new Action.StartTimer(Timer.KEEPALIVE, cfg.jitter().applyAsInt(n.keepaliveTime()));
    }

    private static Notification notification(WireError err) {
        return new Notification(err.code(), err.subcode(), err.data());
    }

    private static String name(Event e) { return e.getClass().getSimpleName(); }

    private static Step step(SessionState s, Action... actions) { return new Step(s, List.of(actions)); }
}
