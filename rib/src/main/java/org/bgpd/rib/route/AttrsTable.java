package org.bgpd.rib.route;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;

/**
 * Interns {@link Attrs}: equal sets get one id, and the RIB stores that int per route. Ids are
 * reference counted; a count reaching zero frees the id for reuse. Id 0 is never handed out,
 * so 0 can mean "none" in primitive maps.
 * Owned by the RIB thread; not thread-safe.
 */
public final class AttrsTable {
    private final Object2IntOpenHashMap<Attrs> ids = new Object2IntOpenHashMap<>();
    private Attrs[] byId = new Attrs[64];
    private int[] refs = new int[64];
    private final IntArrayList free = new IntArrayList();
    private int next = 1;

    public AttrsTable() {
        ids.defaultReturnValue(0);
    }

    /** The id of an equal set, adding this one if new; takes one reference. */
    public int intern(Attrs a) {
        int id = ids.getInt(a);
        if (id == 0) {
            id = free.isEmpty() ? next++ : free.popInt();
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, byId.length * 2);
                refs = Arrays.copyOf(refs, refs.length * 2);
            }
            byId[id] = a;
            ids.put(a, id);
        }
        refs[id]++;
        return id;
    }

    public Attrs get(int id) { return byId[id]; }

    /** Takes one more reference to a live id. */
    public void retain(int id) {
        if (refs[id] <= 0) throw new IllegalStateException("retain of dead attrs id " + id);
        refs[id]++;
    }

    /** Drops one reference; the set is forgotten when none remain. */
    public void release(int id) {
        if (refs[id] <= 0) throw new IllegalStateException("release of dead attrs id " + id);
        if (--refs[id] == 0) {
            ids.removeInt(byId[id]);
            byId[id] = null;
            free.add(id);
        }
    }

    public int refCount(int id) { return refs[id]; }

    /** Number of distinct live sets. */
    public int size() { return ids.size(); }
}
