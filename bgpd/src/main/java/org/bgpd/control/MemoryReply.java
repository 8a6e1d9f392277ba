package org.bgpd.control;

/**
 * Renders {@code show memory} in BIRD's layout with our own figures. Stateless; safe to share.
 * bird2 shows effective and overhead bytes; bird1 one column (and a ROA line, always 0 here:
 * we keep no ROA tables).
 */
final class MemoryReply {
    private static final String[] UNITS = {" B", "kB", "MB", "GB", "TB"};

    private MemoryReply() {}

    static void render(ReplyWriter w, Dialect d, MemoryInfo m) {
        w.line(1018, "BIRD memory usage");
        if (d == Dialect.BIRD2) {
            w.line(1018, String.format("%-17s Effective    Overhead", ""));
            row2(w, "Routing tables:", m.routingTables());
            row2(w, "Route attributes:", m.routeAttributes());
            row2(w, "Protocols:", m.protocols());
            row2(w, "Current config:", m.currentConfig());
            row2(w, "Standby memory:", m.standby());
            row2(w, "Total:", m.total());
        } else {
            row1(w, "Routing tables:", m.routingTables().effective());
            row1(w, "Route attributes:", m.routeAttributes().effective());
            row1(w, "ROA tables:", 0);
            row1(w, "Protocols:", m.protocols().effective());
            row1(w, "Total:", m.total().effective());
        }
        w.last(0, "");
    }

    private static void row2(ReplyWriter w, String label, MemoryInfo.Use u) {
        w.line(1018, String.format("%-17s %9s %11s", label, tenths(u.effective()), tenths(u.overhead())));
    }

    private static void row1(ReplyWriter w, String label, long bytes) {
        long v = bytes;
        int unit = 0;
        while (v >= 10240 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        w.line(1018, String.format("%-17s %4d %s", label, v, UNITS[unit]));
    }

    /** "2344.0  B", "32.8 kB": values switch unit at 10 KiB of the current one. */
    static String tenths(long bytes) {
        long whole = bytes;
        long frac = 0;
        int unit = 0;
        while (whole >= 10240 && unit < UNITS.length - 1) {
            frac = (whole % 1024) * 10 / 1024;
            whole /= 1024;
            unit++;
        }
        return whole + "." + frac + " " + UNITS[unit];
    }
}
