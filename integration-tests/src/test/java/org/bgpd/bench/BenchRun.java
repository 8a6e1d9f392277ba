package org.bgpd.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Owned by the benchmark's main thread. Runs one scenario against one reflector process:
 * start it, establish every speaker session, write every payload at once, wait until every
 * receiver holds every prefix, read the reflector's CPU and peak RSS.
 */
final class BenchRun {
    static final String REFLECTOR = "127.10.0.1";
    /** BENCH_HEAP set: print bgpd's live heap (jcmd, after a full GC) once converged. */
    private static final boolean HEAP_REPORT = System.getenv("BENCH_HEAP") != null;

    private BenchRun() {}

    /** Command-line options shared by the scenarios. */
    record Options(Path root, String jvmOpts, boolean bgpd, boolean bird, long timeoutSeconds) {
        static Options parse(String[] args, java.util.Map<String, String> into) {
            Path root = Path.of(".");
            String jvm = null; // bin/bgpd's defaults
            String only = "both";
            long timeout = 600;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
                String v = args[i + 1];
                switch (args[i]) {
                    case "--root" -> root = Path.of(v);
                    case "--jvm-opts" -> jvm = v;
                    case "--only" -> only = v;
                    case "--timeout" -> timeout = Long.parseLong(v);
                    default -> into.put(args[i], v);
                }
            }
            boolean birdOk = ReflectorProcess.birdInstalled();
            if (!birdOk && only.equals("bird")) throw new IllegalArgumentException(ReflectorProcess.BIRD + " is not installed");
            return new Options(root, jvm, !only.equals("bird"), birdOk && !only.equals("bgpd"), timeout);
        }
    }

    static BenchResult run(String reflector, Supplier<Scenario> scenarios, Options o) throws Exception {
        Scenario sc = scenarios.get();
        Path dir = Files.createTempDirectory("bench-" + reflector + "-");
        int port = freePort(REFLECTOR);
        ReflectorProcess p = reflector.equals("bgpd")
                ? ReflectorProcess.bgpd(o.root(), dir, REFLECTOR, port, sc.addresses(), o.jvmOpts())
                : ReflectorProcess.bird(dir, REFLECTOR, port, sc.addresses());
        try (p; SpeakerLoop loop = new SpeakerLoop(new InetSocketAddress(REFLECTOR, port), ReflectorProcess.AS)) {
            List<RawSession> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < sc.addresses().size(); i++) sessions.add(loop.add(sc.addresses().get(i), sc.counters().get(i)));
            loop.start();
            try {
                loop.awaitEstablished(o.timeoutSeconds(), p::alive);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\n" + p.logTail(), e);
            }
            if (HEAP_REPORT) System.out.printf("%s: peak rss %.1f MiB once every session is Established%n", reflector, ProcStat.peakRssMb(p.pid()));
            double cpu0 = ProcStat.cpuSeconds(p.pid());
            long speaker0 = loop.cpuNanos();
            AtomicLong t0 = new AtomicLong();
            loop.execute(() -> {
                for (RawSession s : sessions) s.drainedNanos = 0;
                t0.set(System.nanoTime());
                for (int i = 0; i < sessions.size(); i++) {
                    ByteBuffer b = sc.payloads().get(i);
                    if (b != null) loop.send(sessions.get(i), b.duplicate());
                }
            });
            try {
                loop.awaitComplete(o.timeoutSeconds(), p::alive);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\nreflector alive: " + p.alive() + "\n" + p.logTail(), e);
            }
            long done = 0;
            long sent = 0;
            long bytes = 0;
            for (RawSession s : sessions) {
                if (s.counter != null) done = Math.max(done, s.counter.doneNanos());
                if (sc.payloads().get(sessions.indexOf(s)) != null) sent = Math.max(sent, s.drainedNanos);
                bytes += s.bytesIn;
            }
            double cpu = ProcStat.cpuSeconds(p.pid()) - cpu0;
            double rss = ProcStat.peakRssMb(p.pid());
            if (HEAP_REPORT && reflector.equals("bgpd")) HeapReport.print(p.pid());
            return new BenchResult(reflector, (done - t0.get()) / 1e9, cpu, rss, sc.routes(), (sent - t0.get()) / 1e9,
                    (loop.cpuNanos() - speaker0) / 1e9, bytes);
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** Runs bgpd and (when installed and asked for) BIRD, printing each result, then the summary line. */
    static void compare(String scenario, String parameters, Supplier<Scenario> scenarios, Options o) throws Exception {
        BenchResult bgpd = null;
        BenchResult bird = null;
        if (o.bird()) {
            bird = run("bird", scenarios, o);
            System.out.println(bird.describe());
        }
        if (o.bgpd()) {
            bgpd = run("bgpd", scenarios, o);
            System.out.println(bgpd.describe() + " [jvm: " + (o.jvmOpts() == null ? "bin/bgpd defaults" : o.jvmOpts()) + "]");
        }
        System.out.println(BenchResult.summary(scenario, parameters, bgpd, bird));
    }

    /** The n-th speaker address (n from 0): 127.11.x.y with y from 1 to 250. */
    static String speakerAddress(int n) {
        return "127." + (11 + n / 62500) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
