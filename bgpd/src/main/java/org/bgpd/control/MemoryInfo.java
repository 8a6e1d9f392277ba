package org.bgpd.control;

/** What {@code show memory} reports, in bytes. Immutable; safe to share. */
public record MemoryInfo(Use routingTables, Use routeAttributes, Use protocols, Use currentConfig,
                         Use standby, Use total) {

    /** Bytes in use and bytes of allocator overhead (BIRD 1 shows the first only). */
    public record Use(long effective, long overhead) {}
}
