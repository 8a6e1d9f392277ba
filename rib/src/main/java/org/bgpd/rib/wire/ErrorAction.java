package org.bgpd.rib.wire;

/**
 * What to do about a malformed UPDATE, ordered by severity (RFC 7606 §2, §3). When several
 * errors occur in one UPDATE the worst one decides ({@link #worst}).
 */
public enum ErrorAction {
    /** Well-formed. */
    NONE,
    /** Drop the offending attribute, keep the route (RFC 7606 §2 "attribute discard"). */
    ATTRIBUTE_DISCARD,
    /** Withdraw every NLRI of the UPDATE (RFC 7606 §2 "treat-as-withdraw"). */
    TREAT_AS_WITHDRAW,
    /** Disable the address family on this session (RFC 4760 §7, RFC 7606 §2). */
    AFI_SAFI_DISABLE,
    /** Send a NOTIFICATION and close the session (RFC 4271 §6.3). */
    SESSION_RESET;

    public static ErrorAction worst(ErrorAction a, ErrorAction b) { return a.ordinal() >= b.ordinal() ? a : b; }
}
