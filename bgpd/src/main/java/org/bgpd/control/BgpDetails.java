package org.bgpd.control;

import java.util.List;

/**
 * The BGP part of {@code show protocols all} in BIRD 2.0.12's and BIRD 1.6.8's layouts.
 * Stateless; safe to share.
 */
final class BgpDetails {
    private BgpDetails() {}

    static void bird2(ReplyWriter w, BgpInfo b) {
        w.line(1006, "  BGP state:          " + b.state());
        w.line(1006, "    Neighbor address: " + b.neighborAddress());
        w.line(1006, "    Neighbor AS:      " + b.neighborAs());
        w.line(1006, "    Local AS:         " + b.localAs());
        if (b.neighborGrActive()) w.line(1006, "    Neighbor graceful restart active");
        if (b.errorWait() != null) w.line(1006, "    Error wait:       " + b.errorWait().bird2());
        if (b.connectDelay() != null) w.line(1006, "    Connect delay:    " + b.connectDelay().bird2());
        if (b.restartTimer() != null) w.line(1006, "    Restart timer:    " + b.restartTimer().bird2());
        if (b.neighborId() != null) {
            w.line(1006, "    Neighbor ID:      " + b.neighborId());
            w.line(1006, "    Local capabilities");
            capabilities(w, b.localCaps());
            w.line(1006, "    Neighbor capabilities");
            capabilities(w, b.neighborCaps());
            w.line(1006, "    Session:          " + session(b.session(), false));
            w.line(1006, "    Source address:   " + b.sourceAddress());
            w.line(1006, "    Hold timer:       " + b.holdTimer().bird2());
            w.line(1006, "    Keepalive timer:  " + b.keepaliveTimer().bird2());
        }
        if (b.lastError() != null) w.line(1006, "    Last error:       " + b.lastError());
    }

    static void bird1(ReplyWriter w, BgpInfo b) {
        w.line(1006, "  BGP state:          " + b.state());
        w.line(1006, "    Neighbor address: " + b.neighborAddress());
        w.line(1006, "    Neighbor AS:      " + b.neighborAs());
        if (b.neighborGrActive()) w.line(1006, "    Neighbor graceful restart active");
        if (b.errorWait() != null) w.line(1006, "    Error wait:       " + b.errorWait().bird1());
        if (b.connectDelay() != null) w.line(1006, "    Connect delay:    " + b.connectDelay().bird1());
        if (b.restartTimer() != null) w.line(1006, "    Restart timer:    " + b.restartTimer().bird1());
        if (b.neighborId() != null) {
            w.line(1006, "    Neighbor ID:      " + b.neighborId());
            w.line(1006, "    Neighbor caps:   " + neighborCaps1(b.neighborCaps()));
            w.line(1006, "    Session:          " + session(b.session(), true));
            w.line(1006, "    Source address:   " + b.sourceAddress());
            w.line(1006, "    Hold timer:       " + b.holdTimer().bird1());
            w.line(1006, "    Keepalive timer:  " + b.keepaliveTimer().bird1());
        }
        if (b.lastError() != null) w.line(1006, "    Last error:       " + b.lastError());
    }

    /** BIRD 2's bgp_show_capabilities(): one block per capability, families listed after labels. */
    private static void capabilities(ReplyWriter w, BgpCaps c) {
        if (!c.afAnnounced().isEmpty()) {
            w.line(1006, "      Multiprotocol");
            w.line(1006, afis("        AF announced:", c.afAnnounced()));
        }
        if (c.routeRefresh()) w.line(1006, "      Route refresh");
        if (c.extendedMessages()) w.line(1006, "      Extended message");
        if (c.grAware()) w.line(1006, "      Graceful restart");
        if (!c.grAfSupported().isEmpty()) {
            w.line(1006, "        Restart time: " + c.grTime());
            if (c.grRestart()) w.line(1006, "        Restart recovery");
            w.line(1006, afis("        AF supported:", c.grAfSupported()));
            w.line(1006, afis("        AF preserved:", c.grAfPreserved()));
        }
        if (c.as4()) w.line(1006, "      4-octet AS numbers");
        if (!c.addPathRx().isEmpty() || !c.addPathTx().isEmpty()) {
            w.line(1006, "      ADD-PATH");
            w.line(1006, afis("        RX:", c.addPathRx()));
            w.line(1006, afis("        TX:", c.addPathTx()));
        }
        if (c.enhancedRefresh()) w.line(1006, "      Enhanced refresh");
        if (c.llgrAware()) w.line(1006, "      Long-lived graceful restart");
        if (!c.llgrAfSupported().isEmpty()) {
            w.line(1006, "        LL stale time: " + c.llgrStaleTime());
            w.line(1006, afis("        AF supported:", c.llgrAfSupported()));
            w.line(1006, afis("        AF preserved:", c.llgrAfPreserved()));
        }
    }

    private static String afis(String label, List<String> families) {
        StringBuilder sb = new StringBuilder(label);
        for (String f : families) sb.append(' ').append(f);
        return sb.toString();
    }

    /** BIRD 1.6's one-line "Neighbor caps:" summary. */
    private static String neighborCaps1(BgpCaps c) {
        StringBuilder sb = new StringBuilder();
        if (c.routeRefresh()) sb.append(" refresh");
        if (c.enhancedRefresh()) sb.append(" enhanced-refresh");
        if (!c.grAfSupported().isEmpty()) sb.append(" restart-able");
        else if (c.grAware()) sb.append(" restart-aware");
        if (!c.llgrAfSupported().isEmpty()) sb.append(" llgr-able");
        else if (c.llgrAware()) sb.append(" llgr-aware");
        if (c.as4()) sb.append(" AS4");
        if (!c.addPathRx().isEmpty()) sb.append(" add-path-rx");
        if (!c.addPathTx().isEmpty()) sb.append(" add-path-tx");
        return sb.toString();
    }

    private static String session(BgpInfo.Session s, boolean bird1) {
        StringBuilder sb = new StringBuilder(s.internal() ? "internal" : "external");
        if (s.multihop()) sb.append(" multihop");
        if (s.routeReflector()) sb.append(" route-reflector");
        if (s.routeServer()) sb.append(" route-server");
        if (s.as4()) sb.append(" AS4");
        if (bird1) {
            if (s.addPathRx()) sb.append(" add-path-rx");
            if (s.addPathTx()) sb.append(" add-path-tx");
            if (s.extMessages()) sb.append(" ext-messages");
        }
        return sb.toString();
    }
}
