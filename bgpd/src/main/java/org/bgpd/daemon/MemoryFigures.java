package org.bgpd.daemon;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import org.bgpd.control.MemoryInfo;
import org.bgpd.rib.loop.RibStats;

/**
 * {@code show memory} for a JVM: the RIB rows are estimates from its counts (the tables are
 * primitive hash maps, so a count times the slot size is close), the total rows are the JVM's own
 * figures. Stateless; safe from any thread.
 */
final class MemoryFigures {
    /** A Loc-RIB or Adj-RIB-In entry: a long key and a long or int value at fastutil's 0.75 load factor. */
    static final long BYTES_PER_ROUTE = 24;
    /** An interned attribute set: the object, its canonical wire bytes and its table slots. */
    static final long BYTES_PER_ATTRS = 160;
    /** Buffers and FSM state of one session. */
    static final long BYTES_PER_PROTOCOL = 4096;

    private MemoryFigures() {}

    static MemoryInfo of(RibStats stats, int protocols, long configBytes) {
        long routes = 0;
        for (RibStats.ChannelStats c : stats.channels()) routes += c.imported() + c.exported();
        long tables = (stats.routes() + routes) * BYTES_PER_ROUTE;
        long attrs = stats.attrsSets() * BYTES_PER_ATTRS;
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = mx.getHeapMemoryUsage();
        MemoryUsage nonHeap = mx.getNonHeapMemoryUsage();
        long used = heap.getUsed() + nonHeap.getUsed();
        long committed = heap.getCommitted() + nonHeap.getCommitted();
        return new MemoryInfo(
                new MemoryInfo.Use(tables, 0),
                new MemoryInfo.Use(attrs, 0),
                new MemoryInfo.Use(protocols * BYTES_PER_PROTOCOL, 0),
                new MemoryInfo.Use(configBytes, 0),
                new MemoryInfo.Use(0, Math.max(0, heap.getCommitted() - heap.getUsed())),
                new MemoryInfo.Use(used, Math.max(0, committed - used)));
    }
}
