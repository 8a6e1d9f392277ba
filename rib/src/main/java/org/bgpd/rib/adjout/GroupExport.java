package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.KernelRoutes;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.RouteInput;
import org.bgpd.rib.reflect.Reflection;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixKeys;

/**
 * What one update group sends for a route: nothing, or an interned outbound attribute set.
 * The export decision ({@link Reflection}, RFC 1997 well-known communities, RFC 9494 §4.3
 * LLGR_STALE only to LLGR receivers) and the outbound attributes ({@link ExportAttrs}) depend on
 * the inbound attrs id and the source peer only, so they are computed once per (attrs id,
 * source) per turn and cached, each cached set holding one reference until {@link #endTurn}
 * (ids may be freed and reused between turns).
 * <p>The group's export chain ({@link GroupKey#export}) runs per prefix after those checks; its
 * changes apply on top of the export rewrite, so a MED or next hop the policy sets survives it.
 * An accepted route's set is cached by (attrs id, source) per decision mask, so a policy that
 * changes nothing costs one rule walk per prefix and no allocation.
 * <p>Owned by the RIB thread; not thread-safe.
 */
final class GroupExport {
    private final GroupKey key;
    private final Peers peers;
    private final AttrsTable attrs;
    private final PrefixKeys prefixKeys;
    private final int clusterId;
    private final long defaultLocalPref;
    private final KernelRoutes kernelRoutes;
    private final RouteInput input = new RouteInput();
    private final Long2IntOpenHashMap exportCache = new Long2IntOpenHashMap();
    /** Export caches for routes the policy changed, by decision mask. */
    private final Long2ObjectOpenHashMap<Long2IntOpenHashMap> changedCache = new Long2ObjectOpenHashMap<>();
    /** References to uncacheable sets, held until the end of the turn. */
    private final IntArrayList turnRefs = new IntArrayList();

    GroupExport(GroupKey key, Peers peers, AttrsTable attrs, PrefixKeys prefixKeys, int clusterId, long defaultLocalPref,
                KernelRoutes kernelRoutes) {
        this.key = key;
        this.peers = peers;
        this.attrs = attrs;
        this.prefixKeys = prefixKeys;
        this.clusterId = clusterId;
        this.defaultLocalPref = defaultLocalPref;
        this.kernelRoutes = kernelRoutes;
    }

    /** The outbound attrs id for {@code best} at {@code prefixKey}, or 0 when it must not be sent to this group. */
    int id(long prefixKey, long best) {
        if (best == Candidates.NONE) return 0;
        PeerInfo from = peers.get(Candidates.peer(best));
        if (from == null) return 0;
        int inId = Candidates.attrs(best);
        Attrs a = attrs.get(inId);
        PolicyChain chain = key.export();
        long mask = 0;
        if (!chain.acceptsAll()) {
            fill(prefixKey, a, from);
            mask = chain.decide(input);
            if (mask == PolicyChain.REJECT) return 0;
        }
        Long2IntOpenHashMap cache = mask == 0 ? exportCache : (mask & PolicyChain.UNCACHEABLE) != 0 ? null : changedCache(mask);
        long cacheKey = (long) inId << 32 | from.index();
        if (cache != null) {
            int cached = cache.get(cacheKey);
            if (cached != 0) return cached;
        }
        if (a.has(Attrs.NO_ADVERTISE)) return 0;
        if (a.has(Attrs.LLGR_STALE) && !key.encode().longLivedGr(key.family())) return 0; // RFC 9494 §4.3
        if (!key.ibgp() && (a.has(Attrs.NO_EXPORT) || a.has(Attrs.NO_EXPORT_SUBCONFED))) return 0;
        if (!Reflection.mayExport(from, key.ibgp(), key.rrClient())) return 0;
        Attrs outbound = ExportAttrs.outbound(a, from, key, clusterId, defaultLocalPref);
        if (mask != 0) outbound = chain.apply(input, outbound);
        int id = attrs.intern(outbound); // the cache's (or this turn's) reference
        if (cache != null) cache.put(cacheKey, id);
        else turnRefs.add(id);
        return id;
    }

    private Long2IntOpenHashMap changedCache(long mask) {
        Long2IntOpenHashMap c = changedCache.get(mask);
        if (c == null) changedCache.put(mask, c = new Long2IntOpenHashMap());
        return c;
    }

    private void fill(long prefixKey, Attrs a, PeerInfo from) {
        Family f = key.family();
        KernelFacts facts = kernelRoutes != null && from.kind() == PeerKind.KERNEL ? kernelRoutes.get(f, prefixKey) : null;
        if (f == Family.IPV4_UNICAST) {
            input.setV4(prefixKey, a, from, facts);
        } else {
            Prefix p = prefixKeys.prefix(f, prefixKey);
            input.set(f, p.hi(), p.lo(), p.length(), a, from, facts);
        }
    }

    /** Releases the turn's cached sets: inbound ids may be freed and reused after the turn. */
    void endTurn() {
        for (Long2IntMap.Entry e : exportCache.long2IntEntrySet()) attrs.release(e.getIntValue());
        exportCache.clear();
        for (Long2IntOpenHashMap c : changedCache.values()) {
            for (Long2IntMap.Entry e : c.long2IntEntrySet()) attrs.release(e.getIntValue());
            c.clear();
        }
        for (int i = 0; i < turnRefs.size(); i++) attrs.release(turnRefs.getInt(i));
        turnRefs.clear();
    }
}
