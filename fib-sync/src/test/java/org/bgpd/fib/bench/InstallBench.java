package org.bgpd.fib.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.sync.Fib;
import org.bgpd.fib.sync.FibResult;
import org.bgpd.fib.sync.NetlinkFib;
import org.bgpd.fib.sync.TestNamespace;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;

/**
 * Benchmark (a main, not a test): installs and removes N routes (default 100,000) through
 * {@link NetlinkFib} in a fresh namespace, then does the same with `ip -batch`, and prints
 * routes per second for both. Run as root:
 * java --enable-native-access=ALL-UNNAMED -cp fib-sync/target/test-classes:fib-sync/target/classes:rib/target/classes
 *   org.bgpd.fib.bench.InstallBench [N]
 */
public final class InstallBench {
    private InstallBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (TestNamespace ns = new TestNamespace()) {
            ns.ip("link", "add", "vgw0", "type", "veth", "peer", "name", "vgw0p");
            ns.ip("link", "set", "vgw0", "up");
            ns.ip("link", "set", "vgw0p", "up");
            ns.ip("addr", "add", "192.168.50.1/24", "dev", "vgw0");
            List<KernelRoute> routes = new ArrayList<>(n);
            List<KernelNextHop> hop = List.of(KernelNextHop.via(NextHop.parse("192.168.50.2")));
            for (int i = 0; i < n; i++) routes.add(KernelRoute.unicast(Prefix.v4(0x0A000000 | i << 8, 24), 0, hop));

            NetlinkFib fib = ns.call(() -> NetlinkFib.open(100, Fib.DEFAULT_PROTOCOL));
            try {
                long t0 = System.nanoTime();
                FibResult in = ns.call(() -> fib.install(routes));
                long t1 = System.nanoTime();
                FibResult out = ns.call(() -> fib.remove(routes));
                long t2 = System.nanoTime();
                report("netlink (FibWriter, 512/batch)", n, t1 - t0, t2 - t1, in.failures().size() + out.failures().size());
            } finally {
                fib.close();
            }

            Path add = Files.createTempFile("bgpd-bench-add", ".batch");
            Path del = Files.createTempFile("bgpd-bench-del", ".batch");
            try {
                StringBuilder a = new StringBuilder(n * 64), d = new StringBuilder(n * 64);
                for (KernelRoute r : routes) {
                    a.append("route add ").append(r.prefix()).append(" via 192.168.50.2 table 100 proto 186\n");
                    d.append("route del ").append(r.prefix()).append(" table 100 proto 186\n");
                }
                Files.writeString(add, a);
                Files.writeString(del, d);
                long t0 = System.nanoTime();
                ns.ipBatch(add);
                long t1 = System.nanoTime();
                ns.ipBatch(del);
                long t2 = System.nanoTime();
                report("ip -batch", n, t1 - t0, t2 - t1, 0);
            } finally {
                Files.deleteIfExists(add);
                Files.deleteIfExists(del);
            }
        }
    }

    private static void report(String what, int n, long addNanos, long delNanos, int failures) {
        System.out.printf("%-32s %,9d routes  install %6.2f s %,10.0f routes/s   delete %6.2f s %,10.0f routes/s   failures %d%n",
                what, n, addNanos / 1e9, n / (addNanos / 1e9), delNanos / 1e9, n / (delNanos / 1e9), failures);
    }
}
