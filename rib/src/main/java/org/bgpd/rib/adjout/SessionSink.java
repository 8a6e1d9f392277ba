package org.bgpd.rib.adjout;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;

/**
 * Where an update group's outbound changes go: one per established session, implemented in
 * {@code bgpd} (which encodes and writes) and by fakes in tests. Called on the RIB thread; the
 * arrays passed belong to the sink, {@link Attrs} are immutable, so an implementation may hand
 * both to another thread. Withdrawals of a batch are always delivered before its announcements.
 * Until the codec's UpdateEncoder is merged the sink receives (outAttrsId, prefixes) batches.
 */
public interface SessionSink {

    /** Packed IPv4 prefixes ({@code org.bgpd.rib.route.Prefixes}) no longer reachable through us. */
    void withdraw(Family family, long[] prefixes);

    /** Prefixes to announce, all with one outbound attribute set; NEXT_HOP "self" means the session's own address. */
    void announce(Family family, int outAttrsId, Attrs attrs, long[] prefixes);

    /** The initial table dump for {@code family} is complete (RFC 4724 §2 End-of-RIB). */
    void endOfRib(Family family);
}
