package org.bgpd.control;

import java.net.InetAddress;
import org.bgpd.rib.route.Family;

/**
 * Which routes a {@code show route} asks for. Immutable; safe to share.
 *
 * @param address null for every network; otherwise the network (with {@code length}) or the
 *     address to look up
 * @param length prefix length; for {@code covering} lookups the longest prefix containing this one
 * @param covering {@code show route for X}: the longest-match network; otherwise the exact network
 * @param table a table name, or null for every table
 * @param protocol only routes from this protocol, or null
 * @param exportOf only routes this protocol exports (its Adj-RIB-Out), or null
 * @param primaryOnly only best routes
 * @param family the socket's family restriction, or null; backends must not return the other family
 */
public record RouteQuery(InetAddress address, int length, boolean covering, String table, String protocol,
                         String exportOf, boolean primaryOnly, Family family) {

    public static RouteQuery everything(Family family) {
        return new RouteQuery(null, 0, false, null, null, null, false, family);
    }

    public boolean singleNetwork() { return address != null; }

    RouteQuery withFamily(Family f) {
        return new RouteQuery(address, length, covering, table, protocol, exportOf, primaryOnly, f);
    }
}
