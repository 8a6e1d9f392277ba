package org.bgpd.control;

import java.util.List;

/**
 * What {@code configure [check]} did. Immutable; safe to share.
 *
 * @param fileName the file name as it is shown: "Reading configuration from {fileName}"
 * @param error the validation error ("a.yaml:3:7: unknown key 'peerz'"), for FAILED only
 * @param plan for CONFIG_OK: what applying the file would do, one line per step (empty: nothing)
 */
public record ConfigureResult(Outcome outcome, String fileName, String error, List<String> plan) {

    public ConfigureResult {
        plan = plan == null ? List.of() : List.copyOf(plan);
    }

    public ConfigureResult(Outcome outcome, String fileName, String error) {
        this(outcome, fileName, error, List.of());
    }

    public enum Outcome {
        /** check only: the file is valid (0020). */
        CONFIG_OK,
        /** applied (0003). */
        RECONFIGURED,
        /** applying; sessions are being restarted (0004). */
        IN_PROGRESS,
        /** another reconfiguration is running; this one follows it (0005). */
        QUEUED,
        /** the file equals the running configuration (0019). */
        NOTHING_TO_DO,
        /** the file is invalid or unreadable; the running configuration is kept (8002). */
        FAILED
    }
}
