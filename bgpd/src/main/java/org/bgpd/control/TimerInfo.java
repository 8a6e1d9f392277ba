package org.bgpd.control;

/**
 * A running timer as {@code show protocols all} shows it: "186.701/240" (bird2) or "179/240" (bird1).
 * Immutable; safe to share.
 *
 * @param limit the configured length in seconds, or -1 to print "-"
 */
public record TimerInfo(long remainingMillis, int limit) {

    public String bird2() {
        return (remainingMillis / 1000) + "." + String.format("%03d", remainingMillis % 1000) + "/" + limitText();
    }

    public String bird1() {
        return (remainingMillis / 1000) + "/" + limitText();
    }

    private String limitText() { return limit < 0 ? "-" : Integer.toString(limit); }
}
