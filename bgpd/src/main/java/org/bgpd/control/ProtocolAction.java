package org.bgpd.control;

/** Commands that act on protocols by name or pattern. Immutable; safe to share. */
public enum ProtocolAction {
    ENABLE, DISABLE, RESTART,
    /** Re-import and re-export (route refresh in and Adj-RIB-Out resend out). */
    RELOAD, RELOAD_IN, RELOAD_OUT;

    /** What happened to one protocol. */
    public enum Outcome {
        DONE,
        /** enable of an enabled protocol; disable, restart or reload of a disabled one. */
        ALREADY,
        /** reload that the protocol cannot do (code 8006). */
        FAILED,
        /** nothing to say for this protocol (e.g. reload out of a session that is not up). */
        SILENT
    }
}
