package org.bgpd.daemon;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.sync.Fib;
import org.bgpd.rib.route.NextHop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FIB thread ("fib"): opens the {@link Fib} on itself (so a caller can choose its network
 * namespace first), adopts our routes already in the kernel, then loops: take the RIB's
 * published changes from the {@link FibQueue} and apply them in netlink batches, check initial
 * convergence until it is reached, and retry refused routes when links or addresses change
 * (at most once a second) or every {@link #RETRY_PERIOD_NANOS} while some fail. On a clean stop
 * it removes every route of ours; on a graceful one it leaves them for the next run to adopt.
 * Public methods are safe from any thread; the exporter is owned by the FIB thread.
 */
final class KernelExporterThread {
    private static final Logger LOG = LoggerFactory.getLogger(KernelExporterThread.class);
    private static final long POLL_MILLIS = 200;
    private static final long RETRY_DEBOUNCE_NANOS = 1_000_000_000L;
    static final long RETRY_PERIOD_NANOS = 30_000_000_000L;

    /** Opens the FIB; runs on the FIB thread. */
    interface FibOpener {
        Fib open() throws Exception;
    }

    private final FibOpener opener;
    private final FibQueue queue;
    private final BooleanSupplier convergence;
    private final Map<String, Integer> ifindex = new ConcurrentHashMap<>();
    private final CompletableFuture<Boolean> opened = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean graceful;
    private volatile boolean retryRequested;
    private volatile boolean regatewayRequested;
    private final UnaryOperator<NextHop> gateways;
    private volatile KernelExporter exporter;

    KernelExporterThread(FibOpener opener, FibQueue queue, BooleanSupplier convergence) {
        this(opener, queue, convergence, UnaryOperator.identity());
    }

    /** {@code gateways}: see {@link KernelExporter}; called on the FIB thread. */
    KernelExporterThread(FibOpener opener, FibQueue queue, BooleanSupplier convergence, UnaryOperator<NextHop> gateways) {
        this.gateways = gateways;
        this.opener = opener;
        this.queue = queue;
        this.convergence = convergence;
        this.thread = Thread.ofPlatform().name("fib").daemon(true).unstarted(this::run);
    }

    /** Starts the thread; the future says whether the FIB opened (false: logged, nothing installed). */
    CompletableFuture<Boolean> start() {
        thread.start();
        return opened;
    }

    void linkChanged(KernelLink link, boolean removed) {
        if (link.name() == null) return;
        if (removed) ifindex.remove(link.name(), link.index());
        else ifindex.put(link.name(), link.index());
    }

    void requestRetry() { retryRequested = true; }

    /** A recursive next hop's covering route moved (any thread; only sets a flag). */
    void requestRegateway() { regatewayRequested = true; }

    KernelExportStats stats() {
        KernelExporter e = exporter;
        return e == null ? KernelExportStats.NONE : e.stats();
    }

    private void run() {
        Fib fib;
        try {
            fib = opener.open();
        } catch (Exception e) {
            LOG.warn("kernel: cannot open the kernel routing table ({}); running without installing routes", e.getMessage());
            opened.complete(false);
            return;
        }
        KernelExporter e = new KernelExporter(fib, ifindex, gateways);
        try {
            e.adopt();
            exporter = e;
            opened.complete(true);
            loop(e);
            if (!graceful) e.removeAll();
            else LOG.info("kernel: graceful stop; leaving {} routes in the kernel for the next run", e.stats().installed());
        } catch (RuntimeException ex) {
            LOG.error("kernel: FIB thread failed; routes are no longer installed", ex);
            opened.complete(false);
        } finally {
            fib.close();
        }
    }

    private void loop(KernelExporter e) {
        long lastRetry = System.nanoTime();
        while (running) {
            try {
                List<FibChange> changes = queue.take(POLL_MILLIS);
                if (!running) break;
                if (!changes.isEmpty()) e.apply(changes);
                if (regatewayRequested) {
                    regatewayRequested = false;
                    e.regateway();
                }
                if (!e.isConverged() && convergence.getAsBoolean()) e.converged();
                long now = System.nanoTime();
                if ((retryRequested && now - lastRetry >= RETRY_DEBOUNCE_NANOS)
                        || (e.hasFailures() && now - lastRetry >= RETRY_PERIOD_NANOS)) {
                    retryRequested = false;
                    lastRetry = now;
                    e.retry();
                }
            } catch (InterruptedException ie) {
                return;
            } catch (RuntimeException ex) {
                LOG.error("kernel: error applying route changes; continuing", ex);
            }
        }
    }

    /** Stops the thread; {@code graceful} keeps our routes in the kernel. Waits for the clean-up. */
    void stop(boolean graceful) {
        this.graceful = graceful;
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
