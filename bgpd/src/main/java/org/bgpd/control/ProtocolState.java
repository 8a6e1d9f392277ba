package org.bgpd.control;

/** A protocol's state as the {@code State} column shows it. Immutable; safe to share. */
public enum ProtocolState {
    DOWN("down"), START("start"), UP("up"), STOP("stop"), FLUSH("flush"),
    /** Up, but held back by graceful-restart recovery (BIRD 1.6 shows "wait"). */
    WAIT("wait");

    private final String text;

    ProtocolState(String text) { this.text = text; }

    public String text() { return text; }
}
