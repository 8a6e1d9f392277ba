package org.bgpd.it;

/**
 * Immutable; safe to share. One row of {@code show protocols}: {@code info} is the rest of the
 * row, for BGP the session state ({@code Established}, {@code Active}, ...) optionally followed
 * by the last error.
 */
public record BirdProtocol(String name, String proto, String table, String state, String since, String info) {

    public boolean isUp() {
        return "up".equals(state);
    }

    /** The first word of {@code info}: for a BGP protocol, its session state; "" if none. */
    public String bgpState() {
        int sp = info.indexOf(' ');
        return sp < 0 ? info : info.substring(0, sp);
    }

    public boolean isEstablished() {
        return "BGP".equals(proto) && "Established".equals(bgpState());
    }
}
