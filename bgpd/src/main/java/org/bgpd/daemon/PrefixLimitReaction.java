package org.bgpd.daemon;

import java.util.concurrent.TimeUnit;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.MaxPrefix;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.rib.loop.PrefixLimitListener;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.session.PeerSession;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotificationData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session does when the RIB reports one of its families past its max-prefix: warn,
 * block (the RIB already refuses new prefixes; we only log), or close the session with Cease
 * subcode 1 carrying AFI, SAFI and the limit (RFC 4486 §4) and either start it again after
 * {@code restart-after} seconds or leave it down until enabled. Called on the RIB thread; the
 * session work hops to the session's event loop. Immutable apart from the session it drives.
 */
final class PrefixLimitReaction implements PrefixLimitListener {
    private static final Logger LOG = LoggerFactory.getLogger(PrefixLimitReaction.class);

    private final PeerSession session;
    private final MaxPrefix config;

    PrefixLimitReaction(PeerSession session, MaxPrefix config) {
        this.session = session;
        this.config = config;
    }

    /** Hands the RIB one {@link RibCommand.PrefixLimit} per configured family of the peer. */
    static void register(RibLoop rib, int peer, PeerConfig pc, PeerSession session) {
        for (FamilyConfig fc : pc.settings().families()) {
            if (fc.maxPrefix().isEmpty()) continue;
            MaxPrefix m = fc.maxPrefix().get();
            Family f = SessionSettingsFactory.family(fc.family());
            rib.offer(new RibCommand.PrefixLimit(peer, f, m.limit(), m.action() == MaxPrefix.Action.BLOCK,
                    new PrefixLimitReaction(session, m)));
        }
    }

    /** The Cease the session sends for {@code family}. */
    static Notification cease(Family family, long limit) {
        return NotificationData.maxPrefixes(family.afi(), family.safi(), limit);
    }

    @Override
    public void exceeded(int peer, Family family, long limit, int count) {
        String what = session.name() + ": " + family.shortName() + " max-prefix " + limit + " exceeded (" + count + ")";
        switch (config.action()) {
            case WARN -> LOG.warn("{}", what);
            case BLOCK -> LOG.warn("{}; refusing new prefixes", what);
            case DISABLE -> {
                LOG.warn("{}; session disabled", what);
                session.stop(cease(family, limit));
            }
            case RESTART -> {
                LOG.warn("{}; restarting in {} s", what, config.restartAfter());
                session.stop(cease(family, limit));
                session.eventLoop().schedule(session::start, Math.max(1, config.restartAfter()), TimeUnit.SECONDS);
            }
        }
    }
}
