package org.bgpd.control;

import java.util.List;

/**
 * Renders {@code show route [all]} one route at a time, so pages stream straight to the socket.
 * Owned by one command execution; not thread-safe.
 *
 * <p>bird2 (rt_show_rte in BIRD 2.0.12): a {@code Table master4:} line per table, the route line
 * {@code "%-20s %s [%s %s%s]%s%s"} and one {@code \tvia X on IF} / {@code \tdev IF} line per next hop.
 * bird1: next hop folded into the route line, {@code "%-18s %s [%s %s%s]%s%s"}. With {@code all},
 * the {@code 1008} Type line and {@code 1012} attribute lines follow each route.
 */
final class RoutesReply {
    private final ReplyWriter w;
    private final Dialect dialect;
    private final BirdTime time;
    private final boolean all;
    private String lastTable;
    private String lastPrefix;
    private long printed;

    RoutesReply(ReplyWriter w, Dialect dialect, BirdTime time, boolean all) {
        this.w = w;
        this.dialect = dialect;
        this.time = time;
        this.all = all;
    }

    long printed() { return printed; }

    /** bird2 prints the heading of an explicitly named table even when it has no routes. */
    void tableHeading(String table) {
        if (dialect != Dialect.BIRD2 || table.equals(lastTable)) return;
        if (lastTable != null) w.line(1007, "");
        w.line(1007, "Table " + table + ":");
        lastTable = table;
        lastPrefix = null;
    }

    void route(RouteInfo r) {
        tableHeading(r.table());
        String net = r.prefix().equals(lastPrefix) ? "" : r.prefix();
        lastPrefix = r.prefix();
        String tail = " [" + r.protocol() + " " + time.recent(r.since()) + from(r) + "]"
                + (r.primary() ? " *" : "") + info(r);
        List<RouteInfo.NextHopInfo> hops = r.nextHops();
        if (dialect == Dialect.BIRD2) {
            w.line(1007, String.format("%-20s %s", net, r.dest().text()) + tail);
            if (r.dest() == RouteInfo.RouteDest.UNICAST) {
                for (RouteInfo.NextHopInfo nh : hops) {
                    String weight = hops.size() > 1 ? " weight " + nh.weight() : "";
                    if (nh.gateway() != null) w.line(1007, "\tvia " + nh.gateway() + " on " + nh.iface() + weight);
                    else w.line(1007, "\tdev " + nh.iface() + weight);
                }
            }
        } else {
            w.line(1007, String.format("%-18s %s", net, via1(r)) + tail);
            if (r.dest() == RouteInfo.RouteDest.UNICAST && hops.size() > 1) {
                for (RouteInfo.NextHopInfo nh : hops) {
                    w.line(1007, "\tvia " + nh.gateway() + " on " + nh.iface() + " weight " + nh.weight());
                }
            }
        }
        if (all) {
            String cast = dialect == Dialect.BIRD1 ? " unicast " : " ";
            w.line(1008, "\tType: " + r.source() + cast + r.scope());
            for (RouteInfo.RouteAttribute a : r.attributes()) w.line(1012, "\t" + a.name() + ": " + a.value());
        }
        printed++;
    }

    private static String via1(RouteInfo r) {
        if (r.dest() != RouteInfo.RouteDest.UNICAST) return r.dest().text();
        List<RouteInfo.NextHopInfo> hops = r.nextHops();
        if (hops.size() > 1) return "multipath";
        if (hops.isEmpty()) return "???";
        RouteInfo.NextHopInfo nh = hops.get(0);
        return nh.gateway() != null ? "via " + nh.gateway() + " on " + nh.iface() : "dev " + nh.iface();
    }

    private static String from(RouteInfo r) {
        if (r.from() == null) return "";
        if (!r.nextHops().isEmpty() && r.from().equals(r.nextHops().get(0).gateway())) return "";
        return " from " + r.from();
    }

    /** BIRD's get_route_info: " (pref)" or, for BGP, " (pref[s][/igp]) [ASnnn origin]", "s" marking LLGR_STALE. */
    static String info(RouteInfo r) {
        if (!"BGP".equals(r.source())) return " (" + r.preference() + ")";
        StringBuilder sb = new StringBuilder(" (").append(r.preference());
        if (r.stale()) sb.append('s');
        if (r.igpMetric() != null) sb.append('/').append(r.igpMetric());
        sb.append(") [");
        String path = r.attribute("BGP.as_path");
        if (path != null) {
            String[] asns = path.trim().split("\\s+");
            String lastAs = asns[asns.length - 1];
            if (!lastAs.isEmpty() && lastAs.chars().allMatch(ch -> ch >= '0' && ch <= '9')) sb.append("AS").append(lastAs);
        }
        String origin = r.attribute("BGP.origin");
        if ("IGP".equals(origin)) sb.append('i');
        else if ("EGP".equals(origin)) sb.append('e');
        else if ("Incomplete".equals(origin)) sb.append('?');
        return sb.append(']').toString();
    }
}
