package org.bgpd.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bgpd.fib.netlink.NetworkNamespace;
import org.bgpd.fib.sync.Fib;
import org.bgpd.fib.sync.NetlinkFib;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefixes;
import org.bgpd.rib.table.PeerKind;

/**
 * Benchmark (a main, not a test): N routes (default 100,000) installed and then removed through
 * the daemon's own path, the RIB-side {@link FibQueue} to the FIB thread's batched netlink
 * requests, and the same routes with {@code ip -batch}, in one fresh network namespace. Times
 * run from the first change handed over until the FIB thread reports every route in (or out).
 * Needs root. The last line is machine-readable:
 * {@code fib-install routes=N bgpd_add_per_s=.. ip_add_per_s=.. bgpd_del_per_s=.. ip_del_per_s=..}.
 * Run with integration-tests/bench/fib-install.
 */
public final class FibInstallBench {
    private static final int TABLE = 100;

    private FibInstallBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String ns = "bgpdbench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        run("ip", "netns", "add", ns);
        try {
            ip(ns, "link", "set", "lo", "up");
            ip(ns, "link", "add", "vgw0", "type", "veth", "peer", "name", "vgw0p");
            ip(ns, "link", "set", "vgw0", "up");
            ip(ns, "link", "set", "vgw0p", "up");
            ip(ns, "addr", "add", "192.168.50.1/24", "dev", "vgw0");

            double[] bgpd = viaDaemonPath(ns, n);
            double[] ipb = viaIpBatch(ns, n);
            System.out.printf("bgpd FIB thread  %,9d routes  add %,10.0f/s  del %,10.0f/s%n", n, bgpd[0], bgpd[1]);
            System.out.printf("ip -batch        %,9d routes  add %,10.0f/s  del %,10.0f/s%n", n, ipb[0], ipb[1]);
            System.out.printf("fib-install routes=%d bgpd_add_per_s=%.0f ip_add_per_s=%.0f bgpd_del_per_s=%.0f ip_del_per_s=%.0f%n",
                    n, bgpd[0], ipb[0], bgpd[1], ipb[1]);
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private static double[] viaDaemonPath(String ns, int n) throws Exception {
        FibQueue queue = new FibQueue();
        KernelExporterThread fib = new KernelExporterThread(() -> {
            NetworkNamespace.enter(ns); // the FIB thread's sockets belong to the namespace
            return NetlinkFib.open(TABLE, Fib.DEFAULT_PROTOCOL);
        }, queue, () -> true);
        if (!fib.start().get()) throw new IllegalStateException("FIB did not open (root needed)");
        NextHop[] gw = {NextHop.parse("192.168.50.2")};
        long t0 = System.nanoTime();
        feed(queue, n, gw);
        awaitInstalled(fib, n);
        long t1 = System.nanoTime();
        feed(queue, n, new NextHop[0]);
        awaitInstalled(fib, 0);
        long t2 = System.nanoTime();
        fib.stop(false);
        if (fib.stats().errors() != 0) throw new IllegalStateException("errors: " + fib.stats());
        return new double[] {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)};
    }

    /** As the RIB thread does it: one batch per turn of 4096 changes. */
    private static void feed(FibQueue q, int n, NextHop[] hops) {
        for (int i = 0; i < n; i++) {
            q.route(Prefixes.v4(0x0A000000 | i << 8, 24), hops, hops.length == 0 ? null : PeerKind.BGP);
            if ((i & 4095) == 4095) q.endOfBatch();
        }
        q.endOfBatch();
    }

    private static void awaitInstalled(KernelExporterThread fib, int want) throws InterruptedException {
        while (fib.stats().installed() != want) Thread.sleep(1); // not a spin: two cores are shared with the FIB thread
    }

    private static double[] viaIpBatch(String ns, int n) throws Exception {
        Path add = Files.createTempFile("bgpd-bench-add", ".batch");
        Path del = Files.createTempFile("bgpd-bench-del", ".batch");
        try {
            StringBuilder a = new StringBuilder(n * 64);
            StringBuilder d = new StringBuilder(n * 64);
            for (int i = 0; i < n; i++) {
                String p = Prefixes.toString(Prefixes.v4(0x0A000000 | i << 8, 24));
                a.append("route add ").append(p).append(" via 192.168.50.2 table ").append(TABLE).append(" proto 186\n");
                d.append("route del ").append(p).append(" table ").append(TABLE).append(" proto 186\n");
            }
            Files.writeString(add, a);
            Files.writeString(del, d);
            long t0 = System.nanoTime();
            ip(ns, "-batch", add.toString());
            long t1 = System.nanoTime();
            ip(ns, "-batch", del.toString());
            long t2 = System.nanoTime();
            return new double[] {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)};
        } finally {
            Files.deleteIfExists(add);
            Files.deleteIfExists(del);
        }
    }

    private static void ip(String ns, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + ": " + new String(out, StandardCharsets.UTF_8).trim());
    }
}
