package org.bgpd.it;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a namespace's main table every 100 ms on its own thread and records every sample in
 * which one of the watched prefixes had no route of protocol {@code bgp}: the "no packet's worth
 * of route loss" check for graceful restart. A prefix is watched from the moment it is first
 * seen. Thread-safe: the sampler writes under the object's lock, the test reads under it.
 */
final class KernelRouteWatch implements AutoCloseable {
    private final Netns ns;
    private final Set<String> prefixes;
    private final Set<String> seen = new HashSet<>();
    private final List<String> misses = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "route-watch");
        t.setDaemon(true);
        return t;
    });
    private int samples;

    private KernelRouteWatch(Netns ns, Set<String> prefixes) {
        this.ns = ns;
        this.prefixes = Set.copyOf(prefixes);
    }

    static KernelRouteWatch start(Netns ns, String... prefixes) {
        KernelRouteWatch w = new KernelRouteWatch(ns, Set.of(prefixes));
        w.sampler.scheduleWithFixedDelay(w::sample, 0, 100, TimeUnit.MILLISECONDS);
        return w;
    }

    private void sample() {
        Set<String> present = new HashSet<>();
        try {
            for (IpRoute r : ns.routes()) if (r.protocol().equals("bgp")) present.add(r.prefix());
        } catch (RuntimeException e) {
            return; // `ip` failed to run: no evidence either way
        }
        synchronized (this) {
            samples++;
            for (String p : prefixes) {
                if (present.contains(p)) seen.add(p);
                else if (seen.contains(p)) misses.add(System.currentTimeMillis() + " " + p);
            }
        }
    }

    synchronized int samples() { return samples; }

    /** Samples in which a prefix, once seen, was missing ("millis prefix"). */
    synchronized List<String> misses() { return List.copyOf(misses); }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
