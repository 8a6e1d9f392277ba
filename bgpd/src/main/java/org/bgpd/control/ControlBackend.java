package org.bgpd.control;

import java.util.List;

/**
 * The daemon as the control socket sees it: snapshots as records, and actions. Implementations
 * must be thread-safe: every connection calls from its own thread (a typical implementation posts
 * a task to the RIB thread and waits for its answer).
 */
public interface ControlBackend {

    StatusInfo status();

    MemoryInfo memory();

    /** The in-daemon renderer's state, or null when the configuration has no {@code confd:} section. */
    default ConfdInfo confd() { return null; }

    /** Every protocol in configuration order. */
    List<ProtocolInfo> protocols();

    /** Table names that {@code show route table T} accepts ("master4", "master6"). */
    List<String> tables();

    /** Routes in table order, then network order; the caller closes the pages. */
    RoutePages routes(RouteQuery query);

    /** One entry per table the query covers, in table order. */
    List<TableCount> countRoutes(RouteQuery query);

    /** {@code configure [check] ["file"]}; {@code file} is null for the file the daemon was started with. */
    ConfigureResult configure(boolean check, String file);

    /** Applies an action to one protocol, named exactly as {@link #protocols()} lists it. */
    ProtocolAction.Outcome protocolAction(ProtocolAction action, String protocol);

    /** {@code down}: begin an orderly shutdown; the reply is sent before the daemon exits. */
    void shutdown();
}
