package org.bgpd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Owned by the test thread that started it; not thread-safe. A BIRD 2 daemon run as a child
 * process in the foreground ({@code bird -f}) in its own temp directory, with its own config,
 * control socket, pid file and log file (stdout and stderr; the config logs everything to
 * stderr). Failures while starting or talking to it include the log's tail. The process is
 * killed on {@link #close()} and, should the test never get there, by {@link ShutdownCleanup}.
 *
 * <p>Running as root needs nothing special: BIRD stays root (no {@code -u}), which it needs
 * only for port 179 and kernel protocols; tests use high ports on loopback addresses.
 */
public final class BirdProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 60;

    private final Netns netns;
    private final Path dir;
    private final Path configFile;
    private final Path socketFile;
    private final Path pidFile;
    private final Path logFile;
    private final BirdControlSocket control;
    private BirdConfig config;
    private Process process;
    private ShutdownCleanup.Registration cleanup;
    /** Every BIRD this JVM started and has not stopped: a failed wait shows them all. */
    private static final Set<BirdProcess> RUNNING = ConcurrentHashMap.newKeySet();

    private BirdProcess(BirdConfig config, Netns netns) throws IOException {
        this.config = config;
        this.netns = netns;
        this.dir = Files.createTempDirectory("bgpd-it-bird-");
        this.configFile = dir.resolve("bird.conf");
        this.socketFile = dir.resolve("bird.ctl");
        this.pidFile = dir.resolve("bird.pid");
        this.logFile = dir.resolve("bird.log");
        this.control = new BirdControlSocket(socketFile);
        if (socketFile.toString().length() > 100) {
            throw new IllegalStateException("control socket path too long for AF_UNIX: " + socketFile);
        }
    }

    /** Starts BIRD with {@code config} in the host's network namespace and waits until its socket answers. */
    public static BirdProcess start(BirdConfig config) {
        return start(config, null);
    }

    /** Starts BIRD inside {@code netns} (null: the host's namespace) and waits until its socket answers. */
    public static BirdProcess start(BirdConfig config, Netns netns) {
        requireKernelSafe(config, netns);
        BirdProcess bird;
        try {
            bird = new BirdProcess(config, netns);
            bird.writeConfig(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare BIRD directory", e);
        }
        try {
            bird.launch(false);
        } catch (RuntimeException | Error e) {
            bird.close();
            throw e;
        }
        return bird;
    }

    /** Starts the daemon again on the current config after {@link #stop()} or {@link #kill9()}. */
    public void start() {
        launch(false);
    }

    /**
     * Starts the daemon again with {@code -R} (graceful restart recovery, as Calico runs BIRD):
     * it waits for GR peers before the kernel protocol prunes routes.
     */
    public void startGracefulRestart() {
        launch(true);
    }

    /** {@link #stop()} then {@link #start()}. */
    public void restart() {
        stop();
        start();
    }

    /** SIGTERM (BIRD shuts protocols down and sends Cease to peers) and wait for exit; SIGKILL if it hangs. */
    public void stop() {
        RUNNING.remove(this);
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        forget();
    }

    /** SIGKILL: the daemon dies without telling peers, as in a crash (peers' GR helper mode). */
    public void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Writes {@code newConfig} and sends {@code configure}; throws with BIRD's message if it is rejected. */
    public void reconfigure(BirdConfig newConfig) {
        requireKernelSafe(newConfig, netns);
        try {
            writeConfig(newConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
        BirdReply reply = command("configure");
        // 0003 Reconfigured, 0004 Reconfiguration in progress (protocols still shutting down).
        if (reply.code() != 3 && reply.code() != 4) {
            throw new IllegalStateException("BIRD rejected the new config: " + reply.text()
                    + "\n--- config ---\n" + newConfig.render() + diagnostics());
        }
        this.config = newConfig;
    }

    /** Sends one command and returns the text birdc would print (errors included as text). */
    public String birdc(String command) {
        return command(command).text();
    }

    /** Sends one command and returns the reply with its codes. */
    public BirdReply command(String command) {
        try {
            return control.send(command);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage() + diagnostics(), e);
        }
    }

    /** {@code show protocols}. */
    public List<BirdProtocol> protocols() {
        return BirdProtocolParser.parseProtocols(ok("show protocols").textLines());
    }

    /** The {@code show protocols} row of {@code name}; throws NoSuchElementException if there is none. */
    public BirdProtocol protocol(String name) {
        List<BirdProtocol> all = protocols();
        for (BirdProtocol p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new NoSuchElementException("no protocol " + name + " in " + all);
    }

    /** {@code show protocols all "name"}; throws NoSuchElementException if there is no such protocol. */
    public BirdProtocolDetails protocolDetails(String name) {
        BirdReply reply = command("show protocols all \"" + name + "\"");
        if (!reply.isError()) {
            for (BirdProtocolDetails d : BirdProtocolParser.parseDetails(reply.textLines())) {
                if (d.name().equals(name)) {
                    return d;
                }
            }
        }
        throw new NoSuchElementException("no protocol " + name + ": " + reply.text());
    }

    /** {@code show route all table all}: every route of every table. */
    public List<BirdRoute> routes() {
        return BirdRouteParser.parse(ok("show route all table all").textLines());
    }

    /** {@code show route all table TABLE}, e.g. {@code master4}. */
    public List<BirdRoute> routes(String table) {
        return BirdRouteParser.parse(ok("show route all table " + table).textLines());
    }

    /** The routes (primary and alternates) for exactly {@code prefix} in any table; empty if none. */
    public List<BirdRoute> routesFor(String prefix) {
        List<BirdRoute> out = new ArrayList<>();
        for (BirdRoute r : routes()) {
            if (r.prefix().equals(prefix)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Waits until the BGP protocol {@code name} is Established and returns its details. */
    public BirdProtocolDetails awaitEstablished(String name, Duration timeout) {
        return Await.until("BIRD protocol " + name + " Established", timeout, () -> protocolDetails(name),
                d -> d.bgpState().equals("Established"), this::diagnostics);
    }

    /** Waits until a primary route for {@code prefix} exists and returns it. */
    public BirdRoute awaitRoute(String prefix, Duration timeout) {
        List<BirdRoute> found = Await.until("BIRD route " + prefix, timeout, () -> routesFor(prefix),
                rs -> rs.stream().anyMatch(BirdRoute::primary), this::diagnostics);
        return found.stream().filter(BirdRoute::primary).findFirst().orElseThrow();
    }

    public BirdConfig config() {
        return config;
    }

    public Path directory() {
        return dir;
    }

    public Path socket() {
        return socketFile;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the log file. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /**
     * Every running BIRD's state, protocols and log tail: a session that never comes up is
     * usually explained on BIRD's side (a protocol in Idle, a bind error).
     */
    public static String runningDiagnostics() {
        StringBuilder b = new StringBuilder();
        for (BirdProcess p : RUNNING) {
            b.append(p.diagnostics());
            try {
                b.append("\n--- birdc show protocols all ---\n").append(p.birdc("show protocols all"));
            } catch (RuntimeException e) {
                b.append("\n(birdc failed: ").append(e.getMessage()).append(')');
            }
        }
        return b.toString();
    }

    /** Text for failure messages: process state and the log tail. */
    public String diagnostics() {
        String state = process == null ? "not running" : process.isAlive() ? "running, pid " + process.pid()
                : "exited with code " + process.exitValue();
        return "\n--- BIRD in " + dir + " (" + state + (netns == null ? "" : ", netns " + netns.name())
                + "), last lines of " + logFile.getFileName() + " ---\n" + logTail(LOG_TAIL_LINES);
    }

    /** Stops the daemon (SIGTERM, then SIGKILL) and deletes its directory unless -Dbgpd.it.keep=true. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (!Boolean.getBoolean("bgpd.it.keep")) {
                deleteDirectory();
            }
        }
    }

    private void launch(boolean recover) {
        if (isRunning()) {
            throw new IllegalStateException("BIRD in " + dir + " is already running");
        }
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(netns.execPrefix());
        }
        cmd.addAll(List.of(birdBinary(), "-f", "-c", configFile.toString(), "-s", socketFile.toString(),
                "-P", pidFile.toString()));
        if (recover) {
            cmd.add("-R");
        }
        try {
            Files.deleteIfExists(socketFile);
            Files.writeString(logFile, "=== " + LocalTime.now() + " " + String.join(" ", cmd) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            RUNNING.add(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        Process p = process;
        cleanup = ShutdownCleanup.register("BIRD pid " + p.pid() + " in " + dir, () -> p.destroyForcibly());
        awaitSocket();
        reopenListeners();
    }

    /**
     * A BGP protocol whose listening socket could not be bound stays down ("Error: No listening
     * socket") and BIRD does not retry; seen a few times in full runs, with the test then waiting
     * on a peer that refuses every connection. Restart such protocols until they listen; fail
     * with the diagnostics if they never do.
     */
    private void reopenListeners() {
        for (int attempt = 0; attempt < 25; attempt++) {
            List<String> down = new ArrayList<>();
            for (String line : birdc("show protocols").split("\n")) {
                if (line.contains("No listening socket")) down.add(line.trim().split("\\s+")[0]);
            }
            if (down.isEmpty()) return;
            for (String name : down) birdc("restart " + name);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("BIRD protocols cannot open their listening sockets" + diagnostics());
    }

    /** Polls the control socket; fails at once, with the log, if the daemon exits (e.g. a config error). */
    private void awaitSocket() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("BIRD exited during startup" + diagnostics()
                        + "\n--- config ---\n" + config.render());
            }
            if (Files.exists(socketFile)) {
                try {
                    if (control.send("show status").code() == 13) {
                        return;
                    }
                } catch (UncheckedIOException e) {
                    last = e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting BIRD", e);
            }
        }
        throw new IllegalStateException("BIRD control socket did not answer within " + START_TIMEOUT
                + (last == null ? "" : ": " + last.getMessage()) + diagnostics());
    }

    private BirdReply ok(String command) {
        BirdReply reply = command(command);
        if (reply.isError()) {
            throw new IllegalStateException("BIRD: " + command + ": " + reply.text() + diagnostics());
        }
        return reply;
    }

    private void forget() {
        if (cleanup != null) {
            cleanup.run();
            cleanup = null;
        }
    }

    private void writeConfig(BirdConfig c) throws IOException {
        Path tmp = dir.resolve("bird.conf.tmp");
        Files.writeString(tmp, c.render(), StandardCharsets.UTF_8);
        Files.move(tmp, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless; the test result matters more.
        }
    }

    private static void requireKernelSafe(BirdConfig config, Netns netns) {
        if (netns == null && config.exportsToKernel()) {
            throw new IllegalArgumentException(
                    "a kernel protocol that exports would change the host's routing table; start BIRD in a Netns");
        }
    }

    /** {@code -Dbird.binary=...}, else Debian's /usr/sbin/bird, else {@code bird} on the PATH. */
    static String birdBinary() {
        String configured = System.getProperty("bird.binary");
        if (configured != null) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/sbin/bird")) ? "/usr/sbin/bird" : "bird";
    }
}
