package org.bgpd.rib.table;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.route.Prefixes;
import org.junit.jupiter.api.Test;

class AdjRibInTest {
    final AttrsTable table = new AttrsTable();
    final AdjRibIn rib = new AdjRibIn(table);
    final long p1 = Prefixes.parse("10.0.0.0/24");
    final long p2 = Prefixes.parse("10.0.1.0/24");

    int intern(int med) { return table.intern(attrs().med(med).build()); }

    @Test
    void updateReplacesAndWithdrawReleases() {
        int a = intern(1);
        int b = intern(2);
        assertTrue(rib.update(p1, a));
        assertFalse(rib.update(p1, a), "same attrs again is no change");
        assertEquals(2, table.refCount(a));
        assertTrue(rib.update(p1, b));
        assertEquals(1, table.refCount(a));
        assertEquals(b, rib.get(p1));
        assertEquals(1, rib.size());
        assertTrue(rib.withdraw(p1));
        assertFalse(rib.withdraw(p1));
        assertEquals(0, rib.get(p1));
        table.release(a);
        table.release(b);
        assertEquals(0, table.size());
    }

    @Test
    void ipv6AndAddPathLiveBesideIpv4() {
        int a = intern(1);
        Prefix v6 = Prefix.parse("2001:db8::/48");
        rib.update(p1, a);
        rib.update(v6, a);
        rib.update(p1, 7, a);
        rib.update(p1, 8, a);
        assertEquals(4, rib.size());
        assertEquals(1, rib.sizeV4());
        assertEquals(a, rib.get(v6));
        assertEquals(a, rib.get(p1, 8));
        assertEquals(0, rib.get(p1, 9));
        assertEquals(0, rib.withdraw(p1, 7), "the first path had slot 0");
        assertEquals(-1, rib.withdraw(p1, 7));
        assertTrue(rib.withdraw(v6));
        assertEquals(2, rib.size());
        assertEquals(3, table.refCount(a));
    }

    @Test
    void walkSkipsWhatWasWithdrawnBetweenSteps() {
        int a = intern(1);
        for (int i = 0; i < 100; i++) rib.update(Prefixes.v4(0x0A00_0000 + (i << 8), 24), a);
        AdjRibIn.Walk w = rib.walk();
        LongArrayList seen = new LongArrayList();
        assertFalse(w.step(10, (p, id) -> seen.add(p)));
        assertEquals(10, seen.size());
        for (int i = 0; i < 100; i++) rib.withdraw(Prefixes.v4(0x0A00_0000 + (i << 8), 24));
        assertTrue(w.step(1000, (p, id) -> seen.add(p)));
        assertEquals(10, seen.size());
    }

    @Test
    void flushDetachesAtOnceAndReleasesInBudgetedSteps() {
        int a = intern(1);
        Prefix v6 = Prefix.parse("2001:db8::/48");
        for (int i = 0; i < 50; i++) rib.update(Prefixes.v4(0x0A00_0000 + (i << 8), 24), a);
        rib.update(v6, a);
        rib.update(p1, 3, a);
        table.release(a);
        AdjRibIn.Flush f = rib.flush();
        assertEquals(0, rib.size());
        rib.update(p2, table.intern(attrs().med(9).build())); // the session came back meanwhile
        LongOpenHashSet removed = new LongOpenHashSet();
        int steps = 0;
        while (!f.step(7, removed::add)) steps++;
        assertTrue(steps >= 7, "needed several budgeted steps");
        assertEquals(49, removed.size(), "p2 is live again, so it is not reported");
        assertFalse(removed.contains(p2));
        assertEquals(1, table.size(), "only the re-announced set is left");
    }
}
