package org.bgpd.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.bgpd.lab.Lab;
import org.bgpd.lab.LabPlan;
import org.bgpd.lab.LabSpeaker;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs on the main thread; the stop runs on a shutdown hook. {@code bgpd lab}: a route reflector and N node clients on loopback addresses in this process
 * ({@link Lab}); prints progress, then every speaker's {@code show protocols} and node1's
 * {@code show route} read through their control sockets, and runs until SIGINT/SIGTERM (or
 * {@code down} on any socket).
 */
@Command(name = "lab", mixinStandardHelpOptions = true, description = {
        "Start a route reflector (rr1, 127.0.0.10) and N node clients (nodeK, 127.0.0.(10+K))",
        "in this process:",
        "no root, no etcd. Each node originates 10.65.K.0/26 and three /32s; all speakers share one port."})
public final class LabCommand implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "" + LabPlan.DEFAULT_NODES,
            description = "node clients, 1..200 (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--port", defaultValue = "" + LabPlan.DEFAULT_PORT,
            description = "the BGP port every speaker listens on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--dir",
            description = "folder for the configs and control sockets (default: a fresh temp folder, removed on exit)")
    Path dir;

    @Option(names = "--dialect", defaultValue = "bird1",
            description = "control socket dialect: bird1 (what calicoctl parses) or bird2 (default ${DEFAULT-VALUE})")
    String dialect;

    @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait for convergence (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--log-level", defaultValue = "warn", description = "the daemons' log level (default ${DEFAULT-VALUE})")
    String logLevel;

    @Option(names = "--once", description = "stop after printing the converged state (exit 0 when it converged)")
    boolean once;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public LabCommand() { this(System.out, System.err); }

    LabCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LabPlan.Dialect d;
        try {
            d = LabPlan.Dialect.valueOf(dialect.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("bgpd lab: --dialect must be bird1 or bird2, not " + dialect);
            return 2;
        }
        boolean tempDir = dir == null;
        Path folder = tempDir ? Files.createTempDirectory("bgpd-lab-") : dir.toAbsolutePath();
        LabPlan plan;
        try {
            plan = new LabPlan(nodes, port, folder, d);
        } catch (IllegalArgumentException e) {
            err.println("bgpd lab: " + e.getMessage());
            return 2;
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.toLevel(logLevel, Level.WARN));
        out.println("bgpd lab: route reflector rr1 and " + nodes + " node client(s) in AS " + LabPlan.AS + " on port " + port
                + ", dialect " + dialect + "; configs and control sockets in " + folder);
        Lab lab;
        try {
            lab = Lab.start(plan, this::progress);
        } catch (IOException e) {
            err.println("bgpd lab: " + e.getMessage());
            if (tempDir) deleteTree(folder);
            return 1;
        }
        Runnable stop = () -> {
            lab.close();
            if (tempDir) deleteTree(folder);
            stopped.countDown();
        };
        Thread hook = new Thread(stop, "lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (LabSpeaker s : plan.speakers()) {
            lab.daemon(s.name()).shutdownRequested().thenRun(() -> Thread.ofPlatform().name("lab-down").start(stop));
        }
        boolean converged = lab.awaitConvergence(Duration.ofSeconds(timeoutSeconds), this::progress);
        if (!converged) err.println("bgpd lab: not converged after " + timeoutSeconds + " s; showing the state so far");
        for (LabSpeaker s : plan.speakers()) show(s, "show protocols");
        show(plan.node(1), "show route");
        out.println();
        out.println("Try:  bin/bgpctl -s " + plan.reflector().socket() + " show protocols all " + plan.node(1).peerName());
        out.println("      birdc -s " + plan.reflector().socket() + " show route");
        out.println("      bin/bgpd check --config " + plan.reflector().config());
        if (once) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            return converged ? 0 : 1;
        }
        out.println("The lab runs until Ctrl-C.");
        stopped.await();
        return 0;
    }

    private void progress(String line) { out.println("  " + line); }

    /** Prints one command's reply the way bgpctl does: BIRD's codes stripped, errors to stderr. */
    private void show(LabSpeaker s, String command) {
        out.println();
        out.println("== " + s.name() + ": bgpctl -s " + s.socket() + " " + command);
        try {
            List<ControlClient.Line> lines = ControlClient.query(s.socket(), command);
            for (ControlClient.Line l : lines) {
                if (l.isError()) err.println(l.text());
                else if (!(l.last() && l.code() == 0 && l.text().isEmpty())) out.println(l.text());
            }
        } catch (IOException e) {
            err.println("bgpd lab: " + s.socket() + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
