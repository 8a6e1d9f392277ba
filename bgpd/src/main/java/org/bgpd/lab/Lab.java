package org.bgpd.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.daemon.Daemon;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibStats;

/**
 * Started and queried from one thread; {@link #close} is synchronized and idempotent, so a
 * shutdown hook may call it too. A route reflector and N node clients ({@link LabPlan}) as
 * separate {@link Daemon}s in this process: no root, no etcd. Each daemon is built from a YAML
 * file written into the lab's folder and loaded as {@code bgpd run} loads one; the daemons run
 * on their own threads.
 */
public final class Lab implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final LabPlan plan;
    private final Map<String, Daemon> daemons = new LinkedHashMap<>();
    private boolean closed;

    private Lab(LabPlan plan) { this.plan = plan; }

    /**
     * Writes the configurations into {@code plan.dir()} and starts the reflector, then the nodes,
     * telling {@code progress} about each. On failure the daemons already started are closed.
     *
     * @throws IOException when a file cannot be written or a daemon cannot bind its address,
     *     port or control socket (the message says which)
     */
    public static Lab start(LabPlan plan, Consumer<String> progress) throws IOException {
        Files.createDirectories(plan.dir());
        Lab lab = new Lab(plan);
        try {
            lab.launch(plan.reflector(), LabConfigs.reflector(plan), progress);
            for (int k = 1; k <= plan.nodes(); k++) lab.launch(plan.node(k), LabConfigs.node(plan, k), progress);
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void launch(LabSpeaker s, String yaml, Consumer<String> progress) throws IOException {
        Files.writeString(s.config(), yaml, StandardCharsets.UTF_8);
        LoadResult r = ConfigLoader.load(s.config());
        if (r instanceof LoadResult.Failed f) {
            throw new IllegalStateException("the lab wrote an invalid configuration " + s.config() + ": " + f.errors());
        }
        DaemonConfig config = ((LoadResult.Loaded) r).config();
        Daemon d = new Daemon(config, s.config());
        try {
            d.start();
        } catch (RuntimeException e) {
            d.close();
            throw new IOException("cannot start " + s.name() + " on " + s.address() + ":" + plan.port() + ": " + e.getMessage(), e);
        }
        daemons.put(s.name(), d);
        progress.accept("started " + s.name() + " on " + s.address() + ":" + plan.port() + ", control socket " + s.socket()
                + (s.prefixes().isEmpty() ? "" : ", originating " + String.join(" ", s.prefixes())));
    }

    public LabPlan plan() { return plan; }

    /** The daemon of {@code rr1} or {@code nodeK}; null when there is none. */
    public Daemon daemon(String name) { return daemons.get(name); }

    /**
     * How many speakers hold every node's routes. The lab's only routes are the nodes' own, so a
     * speaker whose Loc-RIB has {@link LabPlan#routeCount()} prefixes holds all of them.
     */
    public int convergedSpeakers() {
        int done = 0;
        for (Daemon d : daemons.values()) if (prefixes(d) == plan.routeCount()) done++;
        return done;
    }

    /**
     * Polls until every speaker holds every node's routes, reporting each change in the count to
     * {@code progress}; @return false when {@code timeout} passes first
     */
    public boolean awaitConvergence(Duration timeout, Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int total = plan.nodes() + 1;
        int reported = -1;
        while (true) {
            int done = convergedSpeakers();
            if (done != reported) {
                progress.accept("converging: " + done + " of " + total + " speakers hold all " + plan.routeCount()
                        + " routes");
                reported = done;
            }
            if (done == total) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static int prefixes(Daemon d) {
        CompletableFuture<RibStats> stats = new CompletableFuture<>();
        d.rib().offer(new RibCommand.Stats(stats::complete));
        try {
            return stats.get(30, TimeUnit.SECONDS).prefixes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    /** Closes the nodes, then the reflector; each removes its control socket. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        List<Daemon> reversed = new ArrayList<>(daemons.values());
        Collections.reverse(reversed);
        for (Daemon d : reversed) d.close();
    }

    /** The folder's control sockets, reflector first; for tests and the command's summary. */
    public List<Path> sockets() {
        List<Path> out = new ArrayList<>();
        for (LabSpeaker s : plan.speakers()) out.add(s.socket());
        return out;
    }
}
