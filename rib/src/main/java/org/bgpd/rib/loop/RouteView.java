package org.bgpd.rib.loop;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Prefix;

/**
 * One candidate of a prefix as the control socket shows it; {@code decidedBy} is the
 * {@link org.bgpd.rib.decision.DecisionStep} number by which the best beat this one (0 for the
 * best itself). Immutable; safe to share.
 */
public record RouteView(Prefix prefix, int peer, Attrs attrs, boolean best, boolean multipath, int decidedBy) {}
