package org.bgpd.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.daemon.Daemon;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RouteView;
import org.bgpd.rib.route.Prefix;
import org.bgpd.session.SessionSnapshot;

/**
 * A bgpd daemon running inside the test JVM, built from YAML text exactly as {@code bgpd run}
 * builds it from a file. Queries go through the RIB's inbox like the control socket's do.
 */
final class BgpdInstance implements AutoCloseable {
    private final Daemon daemon;

    private BgpdInstance(Daemon daemon) { this.daemon = daemon; }

    static BgpdInstance start(String yaml) {
        LoadResult r = ConfigLoader.parse(yaml, "test.yaml");
        if (r instanceof LoadResult.Failed f) throw new AssertionError("test config rejected: " + f.errors() + "\n" + yaml);
        DaemonConfig cfg = ((LoadResult.Loaded) r).config();
        Daemon d = new Daemon(cfg, Path.of("test.yaml"));
        d.start();
        return new BgpdInstance(d);
    }

    Daemon daemon() { return daemon; }

    SessionSnapshot session(String name) { return daemon.session(name).snapshot(); }

    SessionSnapshot awaitEstablished(String name, Duration timeout) {
        return Await.until("bgpd session " + name + " Established", timeout, () -> session(name),
                s -> s.state() == State.ESTABLISHED, () -> session(name) + BirdProcess.runningDiagnostics());
    }

    /** Every candidate the RIB holds for {@code prefix}, best first. */
    List<RouteView> routes(String prefix) {
        CompletableFuture<List<RouteView>> f = new CompletableFuture<>();
        daemon.rib().offer(new RibCommand.Query(Prefix.parse(prefix), f::complete));
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("RIB query for " + prefix + " failed", e);
        }
    }

    RouteView awaitRoute(String prefix, Duration timeout) {
        return Await.until("bgpd route " + prefix, timeout, () -> routes(prefix), rs -> !rs.isEmpty(), () -> "").get(0);
    }

    @Override
    public void close() { daemon.close(); }
}
