package org.bgpd.control;

import java.util.List;

/**
 * Renders {@code show protocols [all]} in either dialect. Stateless; safe to share.
 *
 * <p>Column layouts are BIRD's printf formats: bird2 {@code "%-10s %-10s %-10s %-6s %-12s  %s"},
 * bird1 {@code "%-8s %-8s %-8s %-6s %-10s  %s"}; long names push the other columns right.
 * Calico's status.go requires the bird1 heading fields to be exactly name/proto/table/state/since/info.
 */
final class ProtocolsReply {
    private static final String ROW2 = "%-10s %-10s %-10s %-6s %-12s  %s";
    private static final String ROW1 = "%-8s %-8s %-8s %-6s %-10s  %s";

    private ProtocolsReply() {}

    static void render(ReplyWriter w, Dialect d, BirdTime time, List<ProtocolInfo> protocols, boolean all,
                       boolean grActive) {
        if (d == Dialect.BIRD2) {
            w.line(2002, String.format(ROW2, "Name", "Proto", "Table", "State", "Since", "Info"));
        } else {
            w.line(2002, String.format(ROW1, "name", "proto", "table", "state", "since", "info"));
        }
        for (ProtocolInfo p : protocols) {
            String since = time.recent(p.since());
            if (d == Dialect.BIRD2) {
                String table = p.table() == null ? "---" : p.table();
                w.line(1002, String.format(ROW2, p.name(), p.proto(), table, p.state().text(), since, p.infoColumn()));
            } else {
                w.line(1002, String.format(ROW1, p.name(), p.proto(), "master", p.state().text(), since, p.infoColumn()));
            }
            if (all) {
                if (d == Dialect.BIRD2) details2(w, p, grActive);
                else details1(w, p, grActive);
                w.line(1006, "");
            }
        }
        w.last(0, "");
    }

    private static void details2(ReplyWriter w, ProtocolInfo p, boolean grActive) {
        if (p.description() != null) w.line(1006, "  Description:    " + p.description());
        if (p.bgp() != null) BgpDetails.bird2(w, p.bgp());
        for (ChannelInfo c : p.channels()) channel2(w, c, grActive);
    }

    private static void details1(ReplyWriter w, ProtocolInfo p, boolean grActive) {
        if (p.description() != null) w.line(1006, "  Description:    " + p.description());
        if (!p.channels().isEmpty()) {
            ChannelInfo c = p.channels().get(0);
            w.line(1006, "  Preference:     " + c.preference());
            w.line(1006, "  Input filter:   " + c.inputFilter());
            w.line(1006, "  Output filter:  " + c.outputFilter());
            if (grActive) w.line(1006, "  GR recovery:   " + grFlags(c));
            if (p.state() != ProtocolState.DOWN) stats(w, c, "  ");
        }
        if (p.bgp() != null) BgpDetails.bird1(w, p.bgp());
    }

    private static void channel2(ReplyWriter w, ChannelInfo c, boolean grActive) {
        w.line(1006, "  Channel " + c.name());
        w.line(1006, "    State:          " + c.state());
        w.line(1006, "    Table:          " + c.table());
        w.line(1006, "    Preference:     " + c.preference());
        w.line(1006, "    Input filter:   " + c.inputFilter());
        w.line(1006, "    Output filter:  " + c.outputFilter());
        if (grActive) w.line(1006, "    GR recovery:   " + grFlags(c));
        if (!"DOWN".equals(c.state())) stats(w, c, "    ");
        if (c.neighborGr() != null) w.line(1006, "    Neighbor GR:    " + c.neighborGr());
        if ("UP".equals(c.state()) && c.bgpNextHop() != null) w.line(1006, "    BGP Next hop:   " + c.bgpNextHop());
        if (c.igpTable4() != null) w.line(1006, "    IGP IPv4 table: " + c.igpTable4());
        if (c.igpTable6() != null) w.line(1006, "    IGP IPv6 table: " + c.igpTable6());
    }

    private static String grFlags(ChannelInfo c) {
        return (c.grPending() ? " pending" : "") + (c.grWaiting() ? " waiting" : "");
    }

    private static void stats(ReplyWriter w, ChannelInfo c, String ind) {
        ChannelInfo.RouteCounts r = c.routes();
        if (r != null) {
            if (r.filtered() >= 0) {
                w.line(1006, ind + "Routes:         " + r.imported() + " imported, " + r.filtered() + " filtered, "
                        + r.exported() + " exported, " + r.preferred() + " preferred");
            } else {
                w.line(1006, ind + "Routes:         " + r.imported() + " imported, " + r.exported() + " exported, "
                        + r.preferred() + " preferred");
            }
        }
        ChannelInfo.ChangeStats s = c.stats();
        if (s == null) return;
        w.line(1006, ind + "Route change stats:     received   rejected   filtered    ignored   accepted");
        ChannelInfo.Counters iu = s.importUpdates();
        ChannelInfo.Counters iw = s.importWithdraws();
        ChannelInfo.Counters eu = s.exportUpdates();
        ChannelInfo.Counters ew = s.exportWithdraws();
        w.line(1006, ind + String.format("  Import updates:     %10d %10d %10d %10d %10d",
                iu.received(), iu.rejected(), iu.filtered(), iu.ignored(), iu.accepted()));
        w.line(1006, ind + String.format("  Import withdraws:   %10d %10d        --- %10d %10d",
                iw.received(), iw.rejected(), iw.ignored(), iw.accepted()));
        w.line(1006, ind + String.format("  Export updates:     %10d %10d %10d        --- %10d",
                eu.received(), eu.rejected(), eu.filtered(), eu.accepted()));
        w.line(1006, ind + String.format("  Export withdraws:   %10d        ---        ---        --- %10d",
                ew.received(), ew.accepted()));
    }
}
