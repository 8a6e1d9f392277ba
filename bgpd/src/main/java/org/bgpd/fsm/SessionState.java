package org.bgpd.fsm;

/**
 * The FSM's whole memory for one connection. Immutable: {@link SessionFsm#on} returns the next one.
 *
 * <p>{@code idleHoldTime} is the IDLE_HOLD wait the next failure will use; it doubles up to the
 * configured maximum after each failure (RFC 4271 §8.1.1 DampPeerOscillations) and drops back to
 * the minimum when ERROR_FORGET fires in Established. {@code negotiated} is null before a valid
 * OPEN was received. {@code lastError} survives the return to Idle for {@code show protocols all}.
 */
public record SessionState(
        State state, int connectRetryCounter, int idleHoldTime, Negotiated negotiated, LastError lastError) {

    public static SessionState initial(FsmConfig cfg) {
        return new SessionState(State.IDLE, 0, cfg.idleHoldMin(), null, null);
    }

    /** The negotiated hold time, 0 before OPEN or when both sides agreed on no hold timer. */
    public int holdTime() { return negotiated == null ? 0 : negotiated.holdTime(); }

    public int keepaliveTime() { return negotiated == null ? 0 : negotiated.keepaliveTime(); }

    SessionState to(State next) {
        return new SessionState(next, connectRetryCounter, idleHoldTime, negotiated, lastError);
    }
}
