package org.bgpd.control;

/**
 * Which BIRD release a control socket imitates. Immutable; safe to share.
 *
 * <p>We claim BIRD's own version strings because the tools that read this socket parse them:
 * {@code calico-node -bird-live} requires {@code show status} output to start with "BIRD",
 * the CalicoNodeStatus populator reads the version after "BIRD ", and {@code birdc} prints the
 * greeting verbatim. Claiming the exact release whose output layout we reproduce keeps any
 * version check in such tools on the path that matches the bytes we send.
 */
public enum Dialect {
    /** BIRD 2.0.12: capitalised headings, millisecond times, {@code Table master4:} blocks. */
    BIRD2("2.0.12"),
    /** BIRD 1.6.8, the base of Calico's fork: lower-case heading, second times, one-line routes. */
    BIRD1("1.6.8");

    private final String version;

    Dialect(String version) { this.version = version; }

    public String version() { return version; }

    /** The {@code 0001} greeting text. */
    public String greeting() { return "BIRD " + version + " ready."; }
}
