package org.bgpd.fsm;

/** BGP FSM states (RFC 4271 §8.2.2). BIRD shows them capitalised in {@code show protocols}. */
public enum State {
    IDLE("Idle"),
    CONNECT("Connect"),
    ACTIVE("Active"),
    OPEN_SENT("OpenSent"),
    OPEN_CONFIRM("OpenConfirm"),
    ESTABLISHED("Established");

    private final String birdName;

    State(String birdName) { this.birdName = birdName; }

    /** The name BIRD prints in {@code show protocols} "Info"/"BGP state". */
    public String birdName() { return birdName; }
}
