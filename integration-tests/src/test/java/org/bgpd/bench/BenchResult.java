package org.bgpd.bench;

import java.util.Locale;

/**
 * Immutable; safe to share. One reflector's figures: convergence time from the first UPDATE
 * written, the reflector's CPU seconds over that time, its peak RSS, and the speakers' own
 * figures (when the senders had written everything, CPU of the speaker thread) to show they
 * were not the bottleneck.
 */
record BenchResult(String reflector, double seconds, double cpuSeconds, double peakRssMb, long routes,
                   double sendersDoneSeconds, double speakerCpuSeconds, long bytesReceived) {

    double bytesPerRoute() { return peakRssMb * 1024 * 1024 / routes; }

    String describe() {
        return String.format(Locale.ROOT, "%s: converged in %.2f s; reflector cpu %.2f s, peak rss %.1f MiB"
                        + " (%.0f bytes/route over %d routes); senders done at %.2f s, speaker thread cpu %.2f s,"
                        + " %d MiB received", reflector, seconds, cpuSeconds, peakRssMb, bytesPerRoute(), routes,
                sendersDoneSeconds, speakerCpuSeconds, bytesReceived >> 20);
    }

    /** The last line: {@code <scenario> <parameters> bgpd_s=… bird_s=… ratio=… bgpd_rss_mb=… bird_rss_mb=…}. */
    static String summary(String scenario, String parameters, BenchResult bgpd, BenchResult bird) {
        return String.format(Locale.ROOT, "%s %s bgpd_s=%s bird_s=%s ratio=%s bgpd_rss_mb=%s bird_rss_mb=%s", scenario,
                parameters, f(bgpd == null ? -1 : bgpd.seconds), f(bird == null ? -1 : bird.seconds),
                bgpd == null || bird == null ? "-" : String.format(Locale.ROOT, "%.2f", bgpd.seconds / bird.seconds),
                f(bgpd == null ? -1 : bgpd.peakRssMb), f(bird == null ? -1 : bird.peakRssMb));
    }

    private static String f(double v) {
        return v < 0 ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
