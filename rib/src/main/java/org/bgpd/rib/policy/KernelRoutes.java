package org.bgpd.rib.policy;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.bgpd.rib.route.Family;

/**
 * The {@link KernelFacts} of every route the kernel pseudo-peer originated, by family and prefix
 * key, so export policies can match a kernel route's device and protocol long after it was
 * learned (Calico rejects {@code ifname ~ "*.cali"} towards its peers). Facts are few and
 * shared (one per device and protocol), so the map holds references, not copies.
 * Owned by the RIB thread; not thread-safe.
 */
public final class KernelRoutes {
    @SuppressWarnings("unchecked")
    private final Long2ObjectOpenHashMap<KernelFacts>[] byFamily = new Long2ObjectOpenHashMap[Family.values().length];

    public KernelRoutes() {
        for (int i = 0; i < byFamily.length; i++) byFamily[i] = new Long2ObjectOpenHashMap<>();
    }

    /** Remembers the facts of a learned route; {@code null} forgets them (the route is gone). */
    public void set(Family f, long key, KernelFacts facts) {
        if (facts == null) byFamily[f.ordinal()].remove(key);
        else byFamily[f.ordinal()].put(key, facts);
    }

    /** The facts of a kernel route, or null. */
    public KernelFacts get(Family f, long key) { return byFamily[f.ordinal()].get(key); }

    public int size() { return byFamily[0].size() + byFamily[1].size(); }
}
