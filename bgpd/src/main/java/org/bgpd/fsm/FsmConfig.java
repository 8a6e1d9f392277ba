package org.bgpd.fsm;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;
import org.bgpd.wire.Open;

/**
 * Per-peer FSM parameters. Immutable; safe to share (the jitter operator must be thread-safe if
 * the config is shared between event loops).
 *
 * <p>Defaults ({@link #defaults}) are BIRD 2's, so operators see familiar numbers:
 * hold time 240 s, keepalive hold/3 (80 s), connect retry 120 s, connect delay 5 s (the daemon
 * waits this long after start-up before the first outgoing connect), initial hold time 240 s
 * (RFC 4271 §8.2.2 "large value" while waiting for the OPEN), error wait 60..300 s (the idle-hold
 * back-off after a failure, doubling on each consecutive failure) and error forget 300 s (a session
 * that stays Established that long resets the back-off).
 *
 * <p>What we offer (families, ADD-PATH modes, graceful restart, ...) is exactly the capability
 * list of {@code localOpen}: negotiation compares the two OPENs that were really sent, so there
 * is no second copy to drift. {@link Offer#toOpen} builds that OPEN.
 *
 * <p>{@code peerAs} 0 accepts any AS (dynamic peers whose AS is learned from the OPEN).
 * {@code jitter} is applied to the connect-retry, keepalive and idle-hold timers (RFC 4271 §10:
 * a random factor in 0.75..1.0); never to the hold timer.
 */
public record FsmConfig(
        long localAs,
        int routerId,
        long peerAs,
        int holdTime,
        int keepaliveTime,
        int connectRetryTime,
        int connectDelayTime,
        int initialHoldTime,
        boolean passive,
        Open localOpen,
        int idleHoldMin,
        int idleHoldMax,
        int errorForgetTime,
        IntUnaryOperator jitter) {

    public static final int DEFAULT_HOLD_TIME = 240;
    public static final int DEFAULT_CONNECT_RETRY_TIME = 120;
    public static final int DEFAULT_CONNECT_DELAY_TIME = 5;
    public static final int DEFAULT_INITIAL_HOLD_TIME = 240;
    public static final int DEFAULT_ERROR_WAIT_MIN = 60;
    public static final int DEFAULT_ERROR_WAIT_MAX = 300;
    public static final int DEFAULT_ERROR_FORGET_TIME = 300;

    /** No jitter: timers run for exactly the seconds asked. For tests. */
    public static final IntUnaryOperator NO_JITTER = s -> s;

    /** RFC 4271 §10: multiply by a uniform random factor in [0.75, 1.0], never below 1 s. */
    public static final IntUnaryOperator RFC4271_JITTER =
            s -> s <= 1 ? s : Math.max(1, (int) (s * (0.75 + 0.25 * ThreadLocalRandom.current().nextDouble())));

    public FsmConfig {
        if (holdTime != 0 && holdTime < 3) throw new IllegalArgumentException("hold time must be 0 or >= 3: " + holdTime);
        if (keepaliveTime < 0 || connectRetryTime < 1 || initialHoldTime < 3)
            throw new IllegalArgumentException("timers out of range");
        if (idleHoldMin < 1 || idleHoldMax < idleHoldMin)
            throw new IllegalArgumentException("idle hold " + idleHoldMin + ".." + idleHoldMax);
        if (localOpen == null || jitter == null) throw new NullPointerException("localOpen/jitter");
    }

    /** BIRD 2's defaults for everything the configuration does not say; see the class comment. */
    public static FsmConfig defaults(long localAs, int routerId, long peerAs, Offer offer) {
        return new FsmConfig(localAs, routerId, peerAs, DEFAULT_HOLD_TIME, DEFAULT_HOLD_TIME / 3,
                DEFAULT_CONNECT_RETRY_TIME, DEFAULT_CONNECT_DELAY_TIME, DEFAULT_INITIAL_HOLD_TIME, false,
                offer.toOpen(localAs, routerId, DEFAULT_HOLD_TIME), DEFAULT_ERROR_WAIT_MIN, DEFAULT_ERROR_WAIT_MAX,
                DEFAULT_ERROR_FORGET_TIME, RFC4271_JITTER);
    }

    /** Hold and keepalive (0 keepalive = hold/3), re-encoding the hold time into {@code localOpen}. */
    public FsmConfig withHoldTime(int hold, int keepalive) {
        Open o = new Open(localOpen.version(), localOpen.myAs(), hold, localOpen.bgpId(), localOpen.capabilities());
        return new FsmConfig(localAs, routerId, peerAs, hold, keepalive == 0 ? hold / 3 : keepalive, connectRetryTime,
                connectDelayTime, initialHoldTime, passive, o, idleHoldMin, idleHoldMax, errorForgetTime, jitter);
    }

    public FsmConfig withConnectRetry(int connectRetry, int connectDelay) {
        return new FsmConfig(localAs, routerId, peerAs, holdTime, keepaliveTime, connectRetry, connectDelay,
                initialHoldTime, passive, localOpen, idleHoldMin, idleHoldMax, errorForgetTime, jitter);
    }

    public FsmConfig withPassive(boolean p) {
        return new FsmConfig(localAs, routerId, peerAs, holdTime, keepaliveTime, connectRetryTime, connectDelayTime,
                initialHoldTime, p, localOpen, idleHoldMin, idleHoldMax, errorForgetTime, jitter);
    }

    public FsmConfig withIdleHold(int min, int max, int errorForget) {
        return new FsmConfig(localAs, routerId, peerAs, holdTime, keepaliveTime, connectRetryTime, connectDelayTime,
                initialHoldTime, passive, localOpen, min, max, errorForget, jitter);
    }

    public FsmConfig withJitter(IntUnaryOperator j) {
        return new FsmConfig(localAs, routerId, peerAs, holdTime, keepaliveTime, connectRetryTime, connectDelayTime,
                initialHoldTime, passive, localOpen, idleHoldMin, idleHoldMax, errorForgetTime, j);
    }

    /** iBGP when both ends are in the same AS (RFC 4271 §1.1). */
    public boolean internal() { return peerAs == localAs; }
}
