package org.bgpd.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * BIRD's default time formats. Immutable; safe to share.
 *
 * <p>Route and protocol times use the short form when less than 20 hours old and the date
 * otherwise (BIRD's {@code timeformat} default: bird2 "%T.%3f" / "%F", bird1 "%T" / "%F").
 * {@code show status} uses the full date and time. BIRD truncates fractions; so does
 * DateTimeFormatter.
 */
public final class BirdTime {
    private static final Duration SHORT_LIMIT = Duration.ofHours(20);
    private static final DateTimeFormatter MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter SEC = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter FULL_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter FULL_SEC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Dialect dialect;
    private final ZoneId zone;
    private final Instant now;

    public BirdTime(Dialect dialect, ZoneId zone, Instant now) {
        this.dialect = dialect;
        this.zone = zone;
        this.now = now;
    }

    /** A route's or protocol's "since" time. */
    public String recent(Instant t) {
        if (t == null) return "";
        var local = t.atZone(zone);
        if (Duration.between(t, now).compareTo(SHORT_LIMIT) < 0) {
            return (dialect == Dialect.BIRD2 ? MS : SEC).format(local);
        }
        return DATE.format(local);
    }

    /** A {@code show status} time. */
    public String full(Instant t) {
        return (dialect == Dialect.BIRD2 ? FULL_MS : FULL_SEC).format(t.atZone(zone));
    }
}
