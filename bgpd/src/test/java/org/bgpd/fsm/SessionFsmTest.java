package org.bgpd.fsm;

import static org.bgpd.fsm.FsmFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bgpd.fsm.Action.*;
import org.bgpd.fsm.Event.*;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** (state, event) → (state, actions), one row per transition, plus multi-event scenarios. */
class SessionFsmTest {

    private static final FsmConfig CFG = config();
    private static final FsmConfig PASSIVE = CFG.withPassive(true);
    private static final Negotiated NEG = negotiated(CFG, 90);
    private static final Notification CEASE = NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification();
    private static final Notification HOLD_EXPIRED = NotifyCode.HOLD_TIMER_EXPIRED.notification();
    private static final WireError BAD_LENGTH = new WireError(1, 2, new byte[] {0, 5}, "length 5");

    private record Row(FsmConfig cfg, State from, Event event, State to, List<Action> actions) {}

    private static Row row(State from, Event e, State to, Action... actions) {
        return new Row(CFG, from, e, to, List.of(actions));
    }

    private static Row passive(State from, Event e, State to, Action... actions) {
        return new Row(PASSIVE, from, e, to, List.of(actions));
    }

    private static StartTimer timer(Timer t, int s) { return new StartTimer(t, s); }

    private static SendNotification notify(NotifyCode c) { return new SendNotification(c.notification()); }

    private static final StartTimer IDLE_HOLD = timer(Timer.IDLE_HOLD, 60);
    private static final StartTimer RETRY = timer(Timer.CONNECT_RETRY, 120);
    private static final StartTimer DELAY = timer(Timer.CONNECT_RETRY, 5);
    private static final Notification MAX_PREFIX = new Notification(6, 1, new byte[0]);

    private static final List<Row> TABLE = List.of(
            row(State.IDLE, new Start(), State.CONNECT, new Connect(), RETRY),
            passive(State.IDLE, new Start(), State.ACTIVE),
            row(State.IDLE, new TimerFired(Timer.IDLE_HOLD), State.CONNECT, new Connect(), RETRY),
            row(State.IDLE, new Stop(CEASE), State.IDLE, new StopTimer(Timer.IDLE_HOLD)),
            row(State.IDLE, new TcpConnected(), State.IDLE, new Close()),
            row(State.IDLE, new KeepaliveReceived(), State.IDLE),

            row(State.CONNECT, new TcpConnected(), State.OPEN_SENT,
                    new StopTimer(Timer.CONNECT_RETRY), new SendOpen(), timer(Timer.HOLD, 240)),
            row(State.CONNECT, new TimerFired(Timer.CONNECT_RETRY), State.CONNECT, new Close(), new Connect(), RETRY),
            row(State.CONNECT, new TcpFailed("Connection refused"), State.ACTIVE, RETRY),
            row(State.CONNECT, new Stop(CEASE), State.IDLE, new Close()),
            row(State.CONNECT, new Start(), State.CONNECT),

            row(State.ACTIVE, new TimerFired(Timer.CONNECT_RETRY), State.CONNECT, new Connect(), RETRY),
            passive(State.ACTIVE, new TimerFired(Timer.CONNECT_RETRY), State.ACTIVE),
            row(State.ACTIVE, new TcpConnected(), State.OPEN_SENT,
                    new StopTimer(Timer.CONNECT_RETRY), new SendOpen(), timer(Timer.HOLD, 240)),
            row(State.ACTIVE, new Stop(CEASE), State.IDLE, new Close()),

            row(State.OPEN_SENT, new OpenReceived(peerOpen(90)), State.OPEN_CONFIRM,
                    new SendKeepalive(), timer(Timer.HOLD, 90), timer(Timer.KEEPALIVE, 30)),
            row(State.OPEN_SENT, new OpenReceived(peerOpen(2)), State.IDLE,
                    notify(NotifyCode.UNACCEPTABLE_HOLD_TIME), new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new KeepaliveReceived(), State.IDLE,
                    notify(NotifyCode.FSM_UNEXPECTED_IN_OPEN_SENT), new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new UpdateReceived(), State.IDLE,
                    notify(NotifyCode.FSM_UNEXPECTED_IN_OPEN_SENT), new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new TimerFired(Timer.HOLD), State.IDLE,
                    new SendNotification(HOLD_EXPIRED), new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new TcpClosed("Connection closed"), State.ACTIVE, new Close(), RETRY),
            passive(State.OPEN_SENT, new TcpClosed("Connection closed"), State.ACTIVE, new Close()),
            // An administrative Cease is the peer's operator: no back-off, accept its next connection (BIRD disable/enable).
            row(State.OPEN_SENT, new NotificationReceived(CEASE), State.ACTIVE, new Close(), DELAY),
            passive(State.OPEN_SENT, new NotificationReceived(CEASE), State.ACTIVE, new Close()),
            row(State.OPEN_SENT, new NotificationReceived(HOLD_EXPIRED), State.IDLE, new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new NotificationReceived(MAX_PREFIX), State.IDLE, new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new MessageMalformed(BAD_LENGTH), State.IDLE,
                    new SendNotification(new Notification(1, 2, new byte[] {0, 5})), new Close(), IDLE_HOLD),
            row(State.OPEN_SENT, new Stop(CEASE), State.IDLE, new SendNotification(CEASE), new Close()),

            row(State.OPEN_CONFIRM, new KeepaliveReceived(), State.ESTABLISHED,
                    timer(Timer.HOLD, 90), timer(Timer.ERROR_FORGET, 300), new SessionUp(NEG)),
            row(State.OPEN_CONFIRM, new TimerFired(Timer.KEEPALIVE), State.OPEN_CONFIRM,
                    new SendKeepalive(), timer(Timer.KEEPALIVE, 30)),
            row(State.OPEN_CONFIRM, new TimerFired(Timer.HOLD), State.IDLE,
                    new SendNotification(HOLD_EXPIRED), new Close(), IDLE_HOLD),
            row(State.OPEN_CONFIRM, new OpenReceived(peerOpen(90)), State.IDLE,
                    notify(NotifyCode.FSM_UNEXPECTED_IN_OPEN_CONFIRM), new Close(), IDLE_HOLD),
            row(State.OPEN_CONFIRM, new UpdateReceived(), State.IDLE,
                    notify(NotifyCode.FSM_UNEXPECTED_IN_OPEN_CONFIRM), new Close(), IDLE_HOLD),
            // The peer vanished without a NOTIFICATION (a restart): wait in Active, no back-off.
            row(State.OPEN_CONFIRM, new TcpClosed("Connection closed"), State.ACTIVE, new Close(), RETRY),

            row(State.ESTABLISHED, new KeepaliveReceived(), State.ESTABLISHED, timer(Timer.HOLD, 90)),
            row(State.ESTABLISHED, new UpdateReceived(), State.ESTABLISHED, timer(Timer.HOLD, 90)),
            row(State.ESTABLISHED, new TimerFired(Timer.KEEPALIVE), State.ESTABLISHED,
                    new SendKeepalive(), timer(Timer.KEEPALIVE, 30)),
            row(State.ESTABLISHED, new OpenReceived(peerOpen(90)), State.IDLE,
                    notify(NotifyCode.FSM_UNEXPECTED_IN_ESTABLISHED), new Close(),
                    new SessionDown("BGP Error: Unexpected message in Established state",
                            NotifyCode.FSM_UNEXPECTED_IN_ESTABLISHED.notification(), null), IDLE_HOLD),
            row(State.ESTABLISHED, new TimerFired(Timer.HOLD), State.IDLE,
                    new SendNotification(HOLD_EXPIRED), new Close(),
                    new SessionDown("BGP Error: Hold timer expired", HOLD_EXPIRED, null), IDLE_HOLD),
            row(State.ESTABLISHED, new NotificationReceived(CEASE), State.ACTIVE, new Close(),
                    new SessionDown("Received: Administrative shutdown", null, CEASE), DELAY),
            row(State.ESTABLISHED, new NotificationReceived(HOLD_EXPIRED), State.IDLE, new Close(),
                    new SessionDown("Received: Hold timer expired", null, HOLD_EXPIRED), IDLE_HOLD),
            row(State.ESTABLISHED, new TcpClosed("Connection closed"), State.ACTIVE, new Close(),
                    new SessionDown("Socket: Connection closed", null, null), RETRY),
            row(State.ESTABLISHED, new Stop(CEASE), State.IDLE, new SendNotification(CEASE), new Close(),
                    new SessionDown("BGP Error: Administrative shutdown", CEASE, null)));

    @TestFactory
    Stream<DynamicTest> transitionTable() {
        return TABLE.stream().map(r -> DynamicTest.dynamicTest(
                r.from + " + " + r.event.getClass().getSimpleName() + " -> " + r.to, () -> {
                    Negotiated n = r.from == State.OPEN_CONFIRM || r.from == State.ESTABLISHED ? NEG : null;
                    Step step = new SessionFsm(r.cfg).on(state(r.from, r.cfg, n), r.event);
                    assertEquals(r.to, step.next().state());
                    assertEquals(r.actions, step.actions());
                }));
    }

    @Test
    void holdTimerExpiryInOpenConfirmSendsHoldExpiredClosesAndGoesIdle() {
        SessionFsm fsm = new SessionFsm(CFG);
        SessionState s = run(fsm, SessionState.initial(CFG), new Start(), new TcpConnected(),
                new OpenReceived(peerOpen(90)));
        assertEquals(State.OPEN_CONFIRM, s.state());
        Step expired = fsm.on(s, new TimerFired(Timer.HOLD));
        assertEquals(List.of(new SendNotification(HOLD_EXPIRED), new Close(), IDLE_HOLD), expired.actions());
        assertEquals(State.IDLE, expired.next().state());
        assertEquals(HOLD_EXPIRED, expired.next().lastError().sent());
        assertEquals(null, expired.next().negotiated());
        // The back-off ends in an automatic start.
        Step restart = fsm.on(expired.next(), new TimerFired(Timer.IDLE_HOLD));
        assertEquals(State.CONNECT, restart.next().state());
        assertEquals(List.of(new Connect(), RETRY), restart.actions());
    }

    @Test
    void holdTimeZeroRunsNeitherHoldNorKeepaliveTimer() {
        SessionFsm fsm = new SessionFsm(CFG);
        List<Action> all = new ArrayList<>();
        SessionState s = SessionState.initial(CFG);
        for (Event e : List.of(new Start(), new TcpConnected(), new OpenReceived(peerOpen(0)),
                new KeepaliveReceived(), new KeepaliveReceived(), new UpdateReceived())) {
            Step step = fsm.on(s, e);
            all.addAll(step.actions());
            s = step.next();
        }
        assertEquals(State.ESTABLISHED, s.state());
        assertEquals(0, s.keepaliveTime());
        for (Action a : all.subList(5, all.size())) {
            if (a instanceof StartTimer t) {
                assertEquals(Timer.ERROR_FORGET, t.timer(), "only ERROR_FORGET may start after OPEN: " + a);
            }
        }
        assertEquals(new StopTimer(Timer.HOLD), all.get(6));
    }

    @Test
    void idleHoldBackOffDoublesToTheMaximumAndResetsAfterStayingEstablished() {
        FsmConfig cfg = CFG.withIdleHold(10, 50, 300);
        SessionFsm fsm = new SessionFsm(cfg);
        SessionState s = SessionState.initial(cfg);
        List<Integer> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s = run(fsm, s, i == 0 ? new Start() : new TimerFired(Timer.IDLE_HOLD), new TcpConnected());
            Step fail = fsm.on(s, new TimerFired(Timer.HOLD));
            waits.add(((StartTimer) fail.actions().getLast()).seconds());
            s = fail.next();
        }
        assertEquals(List.of(10, 20, 40, 50, 50), waits);
        assertEquals(5, s.connectRetryCounter());

        s = run(fsm, s, new TimerFired(Timer.IDLE_HOLD), new TcpConnected(), new OpenReceived(peerOpen(90)),
                new KeepaliveReceived(), new TimerFired(Timer.ERROR_FORGET));
        assertEquals(State.ESTABLISHED, s.state());
        assertEquals(10, s.idleHoldTime());
        Step down = fsm.on(s, new TimerFired(Timer.HOLD));
        assertEquals(timer(Timer.IDLE_HOLD, 10), down.actions().getLast());
    }

    @Test
    void peerDisableEnableIsAcceptedAtOnceAndDoesNotGrowTheBackOff() {
        // birdc disable: Cease/Administrative Shutdown; birdc enable: BIRD dials us again. Ten rounds.
        SessionFsm fsm = new SessionFsm(CFG);
        SessionState s = run(fsm, SessionState.initial(CFG), new Start(), new TcpConnected(),
                new OpenReceived(peerOpen(90)), new KeepaliveReceived());
        for (int i = 0; i < 10; i++) {
            Step ceased = fsm.on(s, new NotificationReceived(CEASE));
            assertEquals(State.ACTIVE, ceased.next().state());
            assertEquals(CFG.idleHoldMin(), ceased.next().idleHoldTime());
            Step incoming = fsm.on(ceased.next(), new TcpConnected());
            assertEquals(State.OPEN_SENT, incoming.next().state(), "the peer's connection must be accepted");
            s = run(fsm, incoming.next(), new OpenReceived(peerOpen(90)), new KeepaliveReceived());
            assertEquals(State.ESTABLISHED, s.state());
        }
        // A real error still backs off from the untouched minimum.
        Step fail = fsm.on(s, new TimerFired(Timer.HOLD));
        assertEquals(IDLE_HOLD, fail.actions().getLast());
    }

    @Test
    void onlyAdministrativeCeaseSubcodesSkipTheBackOff() {
        for (int sub = 0; sub <= 10; sub++) {
            boolean admin = sub == 2 || sub == 3 || sub == 4 || sub == 6 || sub == 9;
            assertEquals(admin, SessionFsm.administrativeCease(new Notification(6, sub)), "Cease subcode " + sub);
        }
        assertEquals(false, SessionFsm.administrativeCease(new Notification(4, 0)));
    }

    @Test
    void stopInEstablishedSendsAdministrativeShutdownAndDoesNotRestart() {
        SessionFsm fsm = new SessionFsm(CFG);
        SessionState s = run(fsm, SessionState.initial(CFG), new Start(), new TcpConnected(),
                new OpenReceived(peerOpen(90)), new KeepaliveReceived());
        Step stop = fsm.on(s, new Stop(CEASE));
        assertEquals(new SendNotification(new Notification(6, 2)), stop.actions().getFirst());
        assertEquals(State.IDLE, stop.next().state());
        for (Action a : stop.actions()) {
            assertEquals(false, a instanceof StartTimer, "no timer may restart a stopped session: " + a);
        }
        assertEquals(0, stop.next().connectRetryCounter());
    }

    @Test
    void jitterIsAppliedToConnectRetryAndKeepaliveButNotHold() {
        FsmConfig cfg = CFG.withJitter(s -> s * 3 / 4);
        SessionFsm fsm = new SessionFsm(cfg);
        Step start = fsm.on(SessionState.initial(cfg), new Start());
        assertEquals(timer(Timer.CONNECT_RETRY, 90), start.actions().get(1));
        Step confirm = fsm.on(run(fsm, start.next(), new TcpConnected()), new OpenReceived(peerOpen(90)));
        assertEquals(List.of(new SendKeepalive(), timer(Timer.HOLD, 90), timer(Timer.KEEPALIVE, 22)),
                confirm.actions());
    }

    private static SessionState run(SessionFsm fsm, SessionState s, Event... events) {
        for (Event e : events) s = fsm.on(s, e).next();
        return s;
    }
}
