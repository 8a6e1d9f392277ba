package org.bgpd.confd.render;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Thread-safe. A {@link Scheduler} on one daemon thread named {@code confd-render}: every render runs there. */
public final class ThreadScheduler implements Scheduler, AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "confd-render");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
