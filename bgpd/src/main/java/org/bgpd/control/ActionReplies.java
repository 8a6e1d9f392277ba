package org.bgpd.control;

import java.util.List;

/**
 * Replies of {@code configure}, {@code enable|disable|restart|reload} and {@code show route count},
 * with BIRD's codes (doc/reply_codes). Stateless; safe to share.
 */
final class ActionReplies {
    private ActionReplies() {}

    static void configure(ReplyWriter w, ConfigureResult r) {
        w.line(2, "Reading configuration from " + r.fileName());
        switch (r.outcome()) {
            case CONFIG_OK -> {
                // BIRD says only "Configuration OK"; the plan lines before it are ours (birdc prints them)
                for (String step : r.plan()) w.line(20, step);
                w.last(20, "Configuration OK");
            }
            case RECONFIGURED -> w.last(3, "Reconfigured");
            case IN_PROGRESS -> w.last(4, "Reconfiguration in progress");
            case QUEUED -> w.last(5, "Reconfiguration already in progress, queueing new config");
            case NOTHING_TO_DO -> w.last(19, "Nothing to do");
            case FAILED -> w.last(8002, r.error());
        }
    }

    static void onProtocols(ReplyWriter w, ControlBackend backend, Command.OnProtocols op,
                            List<ProtocolInfo> protocols) {
        List<ProtocolInfo> targets = CommandSession.select(protocols, op.selector());
        if (targets.isEmpty()) {
            w.last(8003, "No protocols match");
            return;
        }
        for (ProtocolInfo p : targets) {
            ProtocolAction.Outcome o = backend.protocolAction(op.action(), p.name());
            switch (o) {
                case SILENT -> { }
                case ALREADY -> {
                    if (op.action() == ProtocolAction.ENABLE) w.line(10, p.name() + ": already enabled");
                    else w.line(8, p.name() + ": already disabled");
                }
                case FAILED -> w.line(8006, p.name() + ": reload failed");
                case DONE -> {
                    switch (op.action()) {
                        case ENABLE -> w.line(11, p.name() + ": enabled");
                        case DISABLE -> w.line(9, p.name() + ": disabled");
                        case RESTART -> w.line(12, p.name() + ": restarted");
                        case RELOAD, RELOAD_IN, RELOAD_OUT -> w.line(15, p.name() + ": reloading");
                    }
                }
            }
        }
        w.last(0, "");
    }

    /** bird2: a line per table and a total when more than one table; bird1: one 0014 line. */
    static void count(ReplyWriter w, Dialect d, List<TableCount> counts) {
        long shown = 0;
        long total = 0;
        long nets = 0;
        for (TableCount t : counts) {
            shown += t.shownRoutes();
            total += t.totalRoutes();
            nets += t.networks();
        }
        if (d == Dialect.BIRD1) {
            w.last(14, shown + " of " + total + " routes for " + nets + " networks");
            return;
        }
        for (TableCount t : counts) {
            w.line(1007, t.shownRoutes() + " of " + t.totalRoutes() + " routes for " + t.networks()
                    + " networks in table " + t.table());
        }
        if (counts.size() > 1) {
            w.last(14, "Total: " + shown + " of " + total + " routes for " + nets + " networks in "
                    + counts.size() + " tables");
        } else {
            w.last(0, "");
        }
    }
}
