package org.bgpd.daemon;

import org.bgpd.config.model.Community;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.config.model.StaticTarget;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.wire.AttrsBuilder;

/**
 * Builds the attribute set of a configured static route: ORIGIN IGP, an empty AS_PATH, and the
 * configured next hop, or "self" for blackhole and unreachable routes, which peers reach
 * through us. Stateless; safe from any thread.
 */
final class StaticRoutes {
    private StaticRoutes() {}

    static Attrs attrs(StaticRoute r) {
        AttrsBuilder b = new AttrsBuilder().origin(Attrs.ORIGIN_IGP).asPath();
        NextHop nh = r.target() instanceof StaticTarget.NextHop n ? Addresses.nextHop(n.address()) : NextHop.SELF;
        b.nextHop(nh);
        for (Community c : r.communities()) b.addCommunity((int) c.value());
        for (LargeCommunity c : r.largeCommunities()) b.addLargeCommunity((int) c.global(), (int) c.local1(), (int) c.local2());
        r.localPref().ifPresent(v -> b.localPref((int) v));
        r.med().ifPresent(v -> b.med((int) v));
        return b.build();
    }
}
