package org.bgpd.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A ControlBackend over fixed records, for tests. Thread-safe enough for tests: fields are set before use. */
final class FakeBackend implements ControlBackend {
    StatusInfo status;
    MemoryInfo memory;
    List<ProtocolInfo> protocols = new ArrayList<>();
    List<RouteInfo> routes = new ArrayList<>();
    List<TableCount> counts = new ArrayList<>();
    List<String> tables = List.of("master4", "master6");
    String configFile = "a.conf";
    ConfigureResult configureFailure;
    final Map<String, ProtocolAction.Outcome> outcomes = new LinkedHashMap<>();
    final List<String> actions = new ArrayList<>();
    final AtomicInteger shutdowns = new AtomicInteger();
    final AtomicInteger gracefulRestarts = new AtomicInteger();
    final java.util.concurrent.CountDownLatch shutdownCalled = new java.util.concurrent.CountDownLatch(1);
    final AtomicInteger openPages = new AtomicInteger();
    int pageSize = 3;
    /** Called before each page is handed out (tests use it to wait for a client to leave). */
    Runnable beforePage = () -> { };

    final AtomicInteger statusCalls = new AtomicInteger();

    @Override public StatusInfo status() {
        statusCalls.incrementAndGet();
        return status;
    }

    @Override public MemoryInfo memory() { return memory; }

    @Override public List<ProtocolInfo> protocols() { return protocols; }

    @Override public List<String> tables() { return tables; }

    @Override
    public RoutePages routes(RouteQuery q) {
        List<RouteInfo> matched = new ArrayList<>();
        int bestLen = -1;
        for (RouteInfo r : routes) {
            if (!matches(q, r)) continue;
            if (q.covering()) {
                int len = Integer.parseInt(r.prefix().substring(r.prefix().indexOf('/') + 1));
                if (len > bestLen) {
                    matched.clear();
                    bestLen = len;
                } else if (len < bestLen) {
                    continue;
                }
            }
            matched.add(r);
        }
        openPages.incrementAndGet();
        return new RoutePages() {
            private int next;
            private boolean closed;

            @Override
            public List<RouteInfo> next() {
                beforePage.run();
                List<RouteInfo> page = matched.subList(next, Math.min(matched.size(), next + pageSize));
                next += page.size();
                return List.copyOf(page);
            }

            @Override
            public void close() {
                if (!closed) openPages.decrementAndGet();
                closed = true;
            }
        };
    }

    private static boolean matches(RouteQuery q, RouteInfo r) {
        if (q.family() != null && r.family() != q.family()) return false;
        if (q.table() != null && !q.table().equals(r.table())) return false;
        if (q.protocol() != null && !q.protocol().equals(r.protocol())) return false;
        if (q.exportOf() != null && q.exportOf().equals(r.protocol())) return false;
        if (q.primaryOnly() && !r.primary()) return false;
        if (q.address() == null) return true;
        int slash = r.prefix().indexOf('/');
        int len = Integer.parseInt(r.prefix().substring(slash + 1));
        byte[] net;
        try {
            net = InetAddress.getByName(r.prefix().substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        byte[] a = q.address().getAddress();
        if (net.length != a.length) return false;
        if (!q.covering()) return len == q.length() && java.util.Arrays.equals(net, a);
        if (len > q.length()) return false;
        for (int bit = 0; bit < len; bit++) {
            int m = 0x80 >> (bit & 7);
            if ((net[bit >> 3] & m) != (a[bit >> 3] & m)) return false;
        }
        return true;
    }

    @Override public List<TableCount> countRoutes(RouteQuery q) { return counts; }

    @Override
    public ConfigureResult configure(boolean check, String file) {
        if (configureFailure != null) return configureFailure;
        String name = file == null ? configFile : file;
        return new ConfigureResult(check ? ConfigureResult.Outcome.CONFIG_OK : ConfigureResult.Outcome.RECONFIGURED,
                name, null);
    }

    @Override
    public ProtocolAction.Outcome protocolAction(ProtocolAction action, String protocol) {
        actions.add(action + " " + protocol);
        return outcomes.getOrDefault(protocol, ProtocolAction.Outcome.DONE);
    }

    @Override
    public void gracefulRestart() {
        gracefulRestarts.incrementAndGet();
        shutdownCalled.countDown();
    }

    @Override
    public void shutdown() {
        shutdowns.incrementAndGet();
        shutdownCalled.countDown();
    }
}
