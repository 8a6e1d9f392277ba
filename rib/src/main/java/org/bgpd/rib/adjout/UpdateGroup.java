package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.Peers;

/**
 * Peers that receive the same routes with the same attributes share one group: one export
 * decision, one {@link AdjRibOut}, one encoding per change. Today every group has one member
 * (its "template" peer); sharing comes with route reflection, which needs the per-member
 * exception "never send a route back to the peer it came from" (RFC 4271 §9.2 leaves it to us).
 * <p>Export rules until reflection and policy arrive: the best route unless it came from the
 * member itself; NO_ADVERTISE goes nowhere and NO_EXPORT / NO_EXPORT_SUBCONFED stay inside the
 * AS (RFC 1997); iBGP-learned routes are not sent to iBGP peers (RFC 4271 §9.2.1, no reflection
 * yet); locally originated routes go to everyone. The outbound attrs for one inbound attrs id
 * are computed once per turn and cached, holding one reference until {@link #endTurn}.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class UpdateGroup {
    private final Family family;
    private final PeerInfo template;
    private final Peers peers;
    private final AttrsTable attrs;
    private final long defaultLocalPref;
    private final AdjRibOut out;
    private final Int2IntOpenHashMap learnedCache = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap localCache = new Int2IntOpenHashMap();
    private SessionSink[] sinks = new SessionSink[1];
    private int[] members = new int[1];
    private int memberCount;
    private boolean closed;

    public UpdateGroup(Family family, PeerInfo template, SessionSink sink, Peers peers, AttrsTable attrs, long defaultLocalPref) {
        this.family = family;
        this.template = template;
        this.peers = peers;
        this.attrs = attrs;
        this.defaultLocalPref = defaultLocalPref;
        this.out = new AdjRibOut(attrs);
        this.members[0] = template.index();
        this.sinks[0] = sink;
        this.memberCount = 1;
    }

    public Family family() { return family; }

    public PeerInfo template() { return template; }

    public AdjRibOut adjRibOut() { return out; }

    public boolean isClosed() { return closed; }

    public boolean hasMember(int peer) {
        for (int i = 0; i < memberCount; i++) if (members[i] == peer) return true;
        return false;
    }

    /** Brings the prefix's Adj-RIB-Out entry in line with {@code best} ({@link Candidates#NONE} to withdraw). */
    public void export(long prefix, long best) {
        int id = exportId(best);
        if (id == 0) out.withdraw(prefix);
        else out.set(prefix, id);
    }

    /** The outbound attrs id for {@code best}, or 0 when it must not be sent to this group. */
    int exportId(long best) {
        if (best == Candidates.NONE) return 0;
        PeerInfo from = peers.get(Candidates.peer(best));
        if (from.index() == template.index()) return 0;
        int inId = Candidates.attrs(best);
        Attrs a = attrs.get(inId);
        if (a.has(Attrs.NO_ADVERTISE)) return 0;
        if (template.ibgp() && from.isBgp() && from.ibgp()) return 0;
        if (!template.ibgp() && (a.has(Attrs.NO_EXPORT) || a.has(Attrs.NO_EXPORT_SUBCONFED))) return 0;
        // the rewrite depends on the attrs and on whether we originated the route (MED), nothing else
        Int2IntOpenHashMap cache = from.isBgp() ? learnedCache : localCache;
        int cached = cache.get(inId);
        if (cached != 0) return cached;
        Attrs outAttrs = template.ibgp()
                ? ExportRewrite.toIbgp(a, defaultLocalPref)
                : ExportRewrite.toEbgp(a, template.localAs(), !from.isBgp());
        int id = attrs.intern(outAttrs); // this reference belongs to the cache
        cache.put(inId, id);
        return id;
    }

    /** Sends everything pending to every member. */
    public void drain() {
        out.drain(family, sinks, memberCount);
    }

    public void endOfRib() {
        for (int i = 0; i < memberCount; i++) sinks[i].endOfRib(family);
    }

    /** Forgets the per-turn export cache: inbound ids may be freed and reused after the turn. */
    public void endTurn() {
        for (Int2IntMap.Entry e : learnedCache.int2IntEntrySet()) attrs.release(e.getIntValue());
        for (Int2IntMap.Entry e : localCache.int2IntEntrySet()) attrs.release(e.getIntValue());
        learnedCache.clear();
        localCache.clear();
    }

    /** Releases everything this group holds; it must not be used afterwards. */
    public void close() {
        endTurn();
        out.clear();
        closed = true;
    }
}
