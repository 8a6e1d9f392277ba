package org.bgpd.rib.loop;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.InboundUpdate;

/**
 * Everything other threads ask of the RIB, as messages on its inbox. Each record is immutable
 * apart from the sinks and callbacks it carries, which the RIB calls on its own thread.
 */
public sealed interface RibCommand {

    /**
     * Adds or replaces a peer's description (config load or reload). Replacing a peer whose
     * session is up changes how its future routes are judged; when its export changes (export
     * chain, rr-client, next-hop mode) it moves to the matching update group and is sent the
     * difference, without a session reset. A {@code bgpId} of 0 keeps the one its OPEN carried.
     */
    record AddPeer(PeerInfo peer) implements RibCommand {}

    /** The peer left the configuration: flush its routes (session or originated), forget it. */
    record RemovePeer(int peer) implements RibCommand {}

    /**
     * The session is Established with {@code families} negotiated. The RIB sends it the current
     * table of each family, then End-of-RIB per family, then keeps it updated; every message is
     * encoded with {@code encode} (whose selfV4/selfV6 replace next hop "self").
     */
    record PeerUp(int peer, int peerBgpId, Set<Family> families, EncodeContext encode, SessionSink sink) implements RibCommand {
        public PeerUp {
            families = Set.copyOf(families);
        }
    }

    /** The session went down: flush what it announced, stop exporting to it. */
    record PeerDown(int peer) implements RibCommand {}

    /**
     * Graceful restart helper (RFC 4724 §4.2): the session went down, stop exporting to it, but
     * keep its routes of {@code families} as stale (other families are flushed as by
     * {@link PeerDown}). The restarted session's routes replace them; what is left goes at the
     * peer's End-of-RIB for the family or at {@link FlushStale}.
     */
    record PeerStale(int peer, Set<Family> families) implements RibCommand {
        public PeerStale {
            families = Set.copyOf(families);
        }
    }

    /** The stale timer ran out, or the peer came back unable to keep them: withdraw the family's stale routes now. */
    record FlushStale(int peer, Family family) implements RibCommand {}

    /**
     * Long-lived graceful restart (RFC 9494 §4.2): the peer's GR stale period for the family
     * ended (or its restart time was 0) and LLGR was negotiated: keep its stale routes, tagged
     * LLGR_STALE and least preferred, except those carrying NO_LLGR, which go now. They are
     * flushed as before, at End-of-RIB or {@link FlushStale} (the long-lived stale timer).
     */
    record LongLivedStale(int peer, Family family) implements RibCommand {}

    /**
     * One decoded UPDATE from an established peer, both families. SESSION_RESET results are
     * never sent here (the session handles them); AFI_SAFI_DISABLE withdraws the family's
     * routes from this peer and ignores that family until the session restarts.
     */
    record Update(int peer, InboundUpdate update) implements RibCommand {}

    /**
     * A locally originated route, from the STATIC or KERNEL pseudo-peer {@code peer}; {@code kernel}
     * carries a kernel-learned route's device, protocol and type for policies to match (null otherwise).
     */
    record Originate(int peer, Prefix prefix, Attrs attrs, KernelFacts kernel) implements RibCommand {
        public Originate(int peer, Prefix prefix, Attrs attrs) {
            this(peer, prefix, attrs, null);
        }
    }

    /**
     * Limits the prefixes the RIB accepts from the peer in {@code family} (max-prefix; a
     * negative limit removes it). {@code listener} hears each crossing; with {@code block} new
     * prefixes past the limit are refused. Kept across sessions; each PeerUp re-arms it.
     */
    record PrefixLimit(int peer, Family family, long limit, boolean block, PrefixLimitListener listener) implements RibCommand {}

    /**
     * The peer's session stopped ({@code false}) or resumed taking writes: its update groups skip
     * it and remember what it missed as prefixes, then let it catch up from the table.
     */
    record Writable(int peer, boolean writable) implements RibCommand {}

    record Unoriginate(int peer, Prefix prefix) implements RibCommand {}

    /** The candidates of exactly {@code prefix}, best first; {@code reply} runs on the RIB thread. */
    record Query(Prefix prefix, Consumer<List<RouteView>> reply) implements RibCommand {}

    /**
     * {@code show route for ADDR}: the candidates of the longest Loc-RIB prefix containing
     * {@code address} (a host prefix, or any prefix: its address part is used); an empty list
     * when none does.
     */
    record QueryFor(Prefix address, Consumer<List<RouteView>> reply) implements RibCommand {}

    /**
     * {@code show route}: walks the Loc-RIB ({@code family} null for both, IPv4 first, each in
     * prefix order), keeping candidates from {@code peerFilter} only (-1 for any), and hands
     * {@code reply} pages of up to {@code pageSize} routes, the last one flagged. The walk runs
     * a budget per turn, so a large table never stalls BGP. It hands out at most {@code credit}
     * pages (the last included) until the consumer grants more with {@link MorePages}; out of
     * credit it waits without holding up other walks. {@link CancelWalk} drops it.
     */
    record QueryAll(Family family, int peerFilter, int pageSize, Consumer<RoutePage> reply, int credit) implements RibCommand {
        public QueryAll {
            if (pageSize < 1) throw new IllegalArgumentException("page size " + pageSize);
            if (credit < 1) throw new IllegalArgumentException("credit " + credit);
        }

        /** A walk that never waits: its consumer keeps up, or queues without bound. */
        public QueryAll(Family family, int peerFilter, int pageSize, Consumer<RoutePage> reply) {
            this(family, peerFilter, pageSize, reply, Integer.MAX_VALUE);
        }
    }

    /** The consumer of {@code walk} took {@code pages} pages: it may hand out that many more. Ignored once the walk ended. */
    record MorePages(QueryAll walk, int pages) implements RibCommand {}

    /** The consumer of {@code walk} left (a control client disconnected): drop the walk now. */
    record CancelWalk(QueryAll walk) implements RibCommand {}

    /**
     * Route refresh (RFC 2918 §4, RFC 7313 §4): send {@code peer} its current Adj-RIB-Out of
     * {@code family} again, without a session reset. {@code begin} and {@code end} are complete
     * messages the sink gets before and after the routes (RFC 7313 BoRR/EoRR), or null; the RIB
     * passes them through unread. Ignored when the family is not up with that peer.
     */
    record Refeed(int peer, Family family, byte[] begin, byte[] end) implements RibCommand {}

    /**
     * Selection deferral of a restarting speaker (RFC 4724 §4.1): while {@code on}, nothing is
     * sent to peers (no feed, no UPDATE, no End-of-RIB) while routes keep arriving and being
     * decided; the groups keep the outcome as pending changes, sent once it is switched off.
     */
    record DeferExport(boolean on) implements RibCommand {}

    /** Route counts for {@code show protocols all} and {@code show route count}. */
    record Stats(Consumer<RibStats> reply) implements RibCommand {}

    /**
     * fib-sync resolved a watched next hop ({@link FibSink#watchNextHop}) through the kernel:
     * reachable at {@code metric}, or not (RFC 4271 §9.1.2.1: such routes are not eligible).
     * Prefixes using it are decided again at once.
     */
    record NextHopState(NextHop nextHop, boolean reachable, long metric) implements RibCommand {}

    /** The kernel export chain (config {@code kernel.export}) is now {@code chain}: every best route goes to the FIB again. */
    record KernelExportChain(PolicyChain chain) implements RibCommand {}
}
