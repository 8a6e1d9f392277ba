package org.bgpd.rib.loop;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;

/**
 * Everything other threads ask of the RIB, as messages on its inbox. Each record is immutable
 * apart from the sinks and callbacks it carries, which the RIB calls on its own thread.
 */
public sealed interface RibCommand {

    /** Adds or replaces a peer's description (config load or reload). */
    record AddPeer(PeerInfo peer) implements RibCommand {}

    /**
     * A session reached Established with these families negotiated. Decode/encode contexts
     * join this record when the codec is merged.
     */
    record PeerUp(int peer, Set<Family> families, SessionSink sink) implements RibCommand {}

    /** The session went down: flush what it announced, stop exporting to it. */
    record PeerDown(int peer) implements RibCommand {}

    /**
     * One UPDATE section from a channel ({@link org.bgpd.rib.table.Channels}): withdrawn
     * prefixes, and announced prefixes sharing {@code attrs} (not yet interned; null when
     * nothing is announced). Becomes the codec's InboundUpdate once that is merged.
     */
    record Update(int channel, NlriList withdrawn, NlriList announced, Attrs attrs) implements RibCommand {}

    /** A locally originated route, from the STATIC or KERNEL pseudo-peer {@code peer}. */
    record Originate(int peer, Prefix prefix, Attrs attrs) implements RibCommand {}

    record Unoriginate(int peer, Prefix prefix) implements RibCommand {}

    /** The peer finished its initial dump of a family (RFC 4724 §2). */
    record EndOfRib(int channel) implements RibCommand {}

    /** Asks for the candidates of one prefix; {@code reply} runs on the RIB thread. */
    record Query(Prefix prefix, Consumer<List<RouteView>> reply) implements RibCommand {}
}
