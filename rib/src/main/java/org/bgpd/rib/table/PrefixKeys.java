package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.Arrays;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.route.Prefixes;

/**
 * Gives every prefix a {@code long} key so the RIB's tables (Adj-RIB-In, Loc-RIB, Adj-RIB-Out)
 * work the same for both families; {@link #index} interns those keys to the dense slots the
 * Loc-RIB and Adj-RIBs-Out are indexed by. IPv4 keys are the {@link Prefixes} packing
 * itself. IPv6 prefixes do not fit a long (Calico announces /122 blocks and /128 pod routes), so
 * they are interned to dense ids from 1 up; each family has its own tables, so the two key
 * spaces never meet. IPv6 ids are not recycled: the table grows with the distinct IPv6 prefixes
 * seen since start, which is small in the deployments we serve (a few per node).
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class PrefixKeys {
    private final Object2LongOpenHashMap<Prefix> v6 = new Object2LongOpenHashMap<>();
    private Prefix[] v6ById = new Prefix[64];
    private int nextV6 = 1;
    private final PrefixIndex[] indexes = new PrefixIndex[Family.values().length];

    public PrefixKeys() {
        v6.defaultReturnValue(0L);
    }

    /** The key of {@code p}, assigning one to a new IPv6 prefix. */
    public long key(Prefix p) {
        if (p.family() == Family.IPV4_UNICAST) return p.packed();
        long id = v6.getLong(p);
        if (id != 0) return id;
        id = nextV6++;
        if (id >= v6ById.length) v6ById = Arrays.copyOf(v6ById, v6ById.length * 2);
        v6ById[(int) id] = p;
        v6.put(p, id);
        return id;
    }

    /** The key of an IPv6 prefix from NLRI fields (allocates only for a prefix not seen before). */
    public long keyV6(long hi, long lo, int len) { return key(Prefix.v6(hi, lo, len)); }

    /** The key of {@code p} if it has one, else -1 (for lookups that must not grow the table). */
    public long find(Prefix p) {
        if (p.family() == Family.IPV4_UNICAST) return p.packed();
        long id = v6.getLong(p);
        return id == 0 ? -1 : id;
    }

    /** The prefix a key stands for. */
    public Prefix prefix(Family f, long key) {
        return f == Family.IPV4_UNICAST ? Prefix.ofPacked(key) : v6ById[(int) key];
    }

    /** The family's shared key → slot index (Loc-RIB and plain Adj-RIBs-Out, {@link PrefixIndex}). */
    public PrefixIndex index(Family f) {
        PrefixIndex i = indexes[f.ordinal()];
        if (i == null) indexes[f.ordinal()] = i = new PrefixIndex();
        return i;
    }

    /** IPv6 prefixes that have a key. */
    public int sizeV6() { return v6.size(); }
}
