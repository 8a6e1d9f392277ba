package org.bgpd.rib.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared key → slot index against a plain map model: lookups, reference counts, slot reuse. */
class PrefixIndexTest {

    @Test
    void randomRetainsAndReleasesMatchAMapAndReuseSlots() {
        Random rnd = new Random(42);
        PrefixIndex index = new PrefixIndex();
        Map<Long, Integer> refs = new HashMap<>();
        Map<Long, Integer> slots = new HashMap<>();
        List<Long> live = new ArrayList<>();
        int maxLive = 0;
        for (int op = 0; op < 200_000; op++) {
            // a small key range makes probe chains collide and wrap, so deletion's shifting is exercised
            long key = rnd.nextInt(3_000) * 0x1_0000_0001L;
            if (rnd.nextInt(3) > 0 || live.isEmpty()) {
                int s = index.slot(key);
                index.retain(s);
                Integer had = slots.putIfAbsent(key, s);
                if (had != null) assertEquals(had.intValue(), s, "a live key keeps its slot");
                else live.add(key);
                refs.merge(key, 1, Integer::sum);
            } else {
                long k = live.get(rnd.nextInt(live.size()));
                index.release(index.find(k));
                if (refs.merge(k, -1, Integer::sum) == 0) {
                    refs.remove(k);
                    slots.remove(k);
                    live.remove(k);
                }
            }
            maxLive = Math.max(maxLive, live.size());
            if (op % 997 == 0) {
                for (long k : live) {
                    int s = index.find(k);
                    assertEquals(slots.get(k).intValue(), s);
                    assertEquals(k, index.key(s));
                    assertEquals(refs.get(k).intValue(), index.refs(s));
                }
                assertEquals(live.size(), index.size());
            }
        }
        assertTrue(index.limit() <= maxLive, "freed slots are reused: " + index.limit() + " > " + maxLive);
        for (long k = 0; k < 3_000; k++) {
            long key = k * 0x1_0000_0001L;
            assertEquals(slots.containsKey(key), index.find(key) >= 0, "key " + key);
        }
    }

    @Test
    void theLastReferenceRemovesTheKey() {
        PrefixIndex index = new PrefixIndex();
        int s = index.slot(7);
        index.retain(s);
        index.retain(s);
        index.release(s);
        assertEquals(s, index.find(7));
        index.release(s);
        assertEquals(-1, index.find(7));
        assertEquals(0, index.size());
        int t = index.slot(9);
        assertEquals(s, t, "the freed slot is handed out again");
        assertEquals(9, index.key(t));
    }
}
