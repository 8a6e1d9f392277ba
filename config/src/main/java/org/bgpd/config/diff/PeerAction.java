package org.bgpd.config.diff;

/**
 * Immutable; safe to share. What a reload does to one peer (OpenBGPD's reconf states, made
 * concrete). {@code REFEED_EXPORT} and {@code RELOAD_IMPORT} may come together; the others alone.
 */
public enum PeerAction {
    /** Nothing that affects this peer changed. */
    KEEP,
    /** A new peer: start it. */
    ADD,
    /** The peer is gone: stop it (Cease, RFC 4486 subcode 3 "peer de-configured"). */
    DELETE,
    /** Something negotiated or used to set up the session changed: stop and start it. */
    RESET_SESSION,
    /** Outbound policy or rewriting changed: resend the Adj-RIB-Out, no reset. */
    REFEED_EXPORT,
    /** Inbound policy or limits changed: re-run import over the Adj-RIB-In (or ROUTE-REFRESH, RFC 2918). */
    RELOAD_IMPORT
}
