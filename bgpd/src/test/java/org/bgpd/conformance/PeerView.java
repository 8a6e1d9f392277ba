package org.bgpd.conformance;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;

/**
 * The session settings of one BGP peer that Calico's templates decide, normalised so a BIRD
 * protocol and a bgpd peer compare by equality: addresses in one text form, defaults made
 * explicit (port 179, restart time 120, TTL 64 for iBGP multihop and 1 for direct eBGP,
 * next hop "default"). Immutable; safe to share.
 */
record PeerView(String name, String address, int port, long as, long localAs, boolean passive, boolean rrClient,
                String clusterId, String password, boolean ttlSecurity, int ttl, String sourceAddress, String nextHop,
                int allowLocalAs, int restartTime) {

    static PeerView of(BirdConfig.Protocol p, String routerId) {
        var n = p.option("neighbor");
        String address = n.get(1);
        int port = n.contains("port") ? Integer.parseInt(n.get(n.indexOf("port") + 1)) : 179;
        long as = Long.parseLong(n.get(n.indexOf("as") + 1));
        long localAs = Long.parseLong(p.option("local", "as").get(2));
        var passive = p.option("passive");
        boolean rrClient = p.option("rr", "client") != null;
        var cluster = p.option("rr", "cluster", "id");
        var password = p.option("password");
        var ttlSec = p.option("ttl", "security");
        var multihop = p.option("multihop");
        int ttl = multihop == null ? (as == localAs ? 64 : 1) : multihop.size() > 1 ? Integer.parseInt(multihop.get(1)) : 64;
        var source = p.option("source", "address");
        var nextHop = p.option("next", "hop");
        var allow = p.option("allow", "local", "as");
        var restart = p.option("graceful", "restart", "time");
        return new PeerView(p.name(), norm(address), port, as, localAs, passive != null && passive.get(1).equals("on"),
                rrClient, rrClient ? norm(cluster == null ? routerId : cluster.get(3)) : null,
                password == null ? null : password.get(1), ttlSec != null && ttlSec.get(2).equals("on"), ttl,
                source == null ? null : norm(source.get(2)), nextHop == null ? "default" : nextHop.get(2),
                allow == null ? 0 : allow.size() > 3 ? Integer.parseInt(allow.get(3)) : 1,
                restart == null ? 120 : Integer.parseInt(restart.get(3)));
    }

    static PeerView of(PeerConfig p, DaemonConfig c) {
        PeerSettings s = p.settings();
        long localAs = s.effectiveLocalAs(c.localAs());
        boolean ibgp = p.remoteAs() == localAs;
        int ttl = s.multihop().isPresent() ? s.multihop().getAsInt() : (ibgp ? 64 : 1);
        return new PeerView(p.name(), text(p.address()), s.port(), p.remoteAs(), localAs, s.passive(), s.rrClient(),
                s.rrClient() ? text(c.clusterId()) : null, s.password().orElse(null), s.ttlSecurity(), ttl,
                s.localAddress().map(PeerView::text).orElse(null),
                s.nextHopKeep() ? "keep" : s.nextHopSelf() ? "self" : "default", s.allowLocalAs(),
                s.gracefulRestart().restartTime());
    }

    static String text(IpAddress a) {
        return a == null ? null : norm(a.address().getHostAddress());
    }

    static String norm(String address) {
        return Cidr.of(address).address();
    }

    boolean v4() {
        return address.indexOf(':') < 0;
    }
}
