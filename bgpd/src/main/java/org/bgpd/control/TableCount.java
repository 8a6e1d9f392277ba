package org.bgpd.control;

import org.bgpd.rib.route.Family;

/**
 * One table's line of {@code show route count}: "13 of 13 routes for 11 networks in table master4".
 * Immutable; safe to share.
 *
 * @param shownRoutes routes that pass the query's filters
 * @param totalRoutes routes looked at
 */
public record TableCount(String table, Family family, long shownRoutes, long totalRoutes, long networks) {}
