package org.bgpd.control;

/** One parsed control-socket command line. Immutable; safe to share. */
public sealed interface Command {

    record ShowStatus() implements Command {}

    record ShowMemory() implements Command {}

    /** Our extension: the in-daemon renderer's state ({@code confd:} section). */
    record ShowConfd() implements Command {}

    /** @param selector which protocols, or null for every protocol */
    record ShowProtocols(boolean all, ProtocolSelector selector) implements Command {}

    /** @param filtered {@code show route filtered}: routes rejected by import filters (we keep none) */
    record ShowRoute(RouteQuery query, boolean all, boolean count, boolean filtered) implements Command {}

    /** @param file null for the file the daemon was started with */
    record Configure(boolean check, String file) implements Command {}

    record OnProtocols(ProtocolAction action, ProtocolSelector selector) implements Command {}

    record Down() implements Command {}

    record Restrict() implements Command {}

    /** Our extension: {@code json <command>} answers with JSON lines (see JSON.md). */
    record Json(Command command) implements Command {}

    /** A line that does not parse: the reply is this one line. */
    record Invalid(int code, String message) implements Command {}
}
