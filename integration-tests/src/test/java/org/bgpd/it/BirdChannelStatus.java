package org.bgpd.it;

import java.util.Map;

/**
 * Immutable; safe to share. One {@code Channel ipv4}/{@code Channel ipv6} block of
 * {@code show protocols all}: the route counters (0 when BIRD prints no {@code Routes:} line,
 * as for a channel that is down) and every {@code Key: value} field as printed.
 */
public record BirdChannelStatus(String name, int imported, int filtered, int exported, int preferred,
                                Map<String, String> fields) {

    public BirdChannelStatus {
        fields = Map.copyOf(fields);
    }

    /** {@code UP}, {@code DOWN}, {@code START}, ...; "" when not printed. */
    public String state() {
        return fields.getOrDefault("State", "");
    }

    public String table() {
        return fields.getOrDefault("Table", "");
    }
}
