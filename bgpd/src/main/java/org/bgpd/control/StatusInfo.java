package org.bgpd.control;

import java.time.Instant;

/**
 * What {@code show status} reports. Immutable; safe to share.
 *
 * @param hostname shown by the bird2 dialect only (BIRD 1.6 has no Hostname line)
 * @param grRecovery non-null while graceful-restart recovery is in progress (the {@code 0024} block)
 */
public record StatusInfo(String routerId, String hostname, Instant serverTime, Instant lastReboot,
                         Instant lastReconfiguration, Phase phase, GrRecovery grRecovery) {

    /** Which {@code 0013} sentence closes the reply. */
    public enum Phase { RUNNING, RECONFIGURING, SHUTTING_DOWN }

    /**
     * Graceful restart recovery state (RFC 4724 §4.1: the restarting speaker defers route
     * selection until its peers have sent End-of-RIB or the wait timer expires).
     *
     * @param waiting protocols (BIRD 1) / channels (BIRD 2) still to recover
     */
    public record GrRecovery(int waiting, long remainingMillis, int waitSeconds) {}
}
