package org.bgpd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.daemon.Daemon;
import org.bgpd.daemon.EmbeddedConfd;
import org.bgpd.daemon.LogLevels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bgpd run --config FILE}: runs the daemon in the foreground until SIGINT/SIGTERM; SIGHUP reloads FILE. */
@Command(name = "run", description = "Run the daemon in the foreground.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "the YAML configuration file")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        LoadResult r = ConfigLoader.load(config);
        if (r instanceof LoadResult.Failed f) {
            for (ConfigError e : f.errors()) System.err.println(e);
            return 1;
        }
        DaemonConfig cfg = ((LoadResult.Loaded) r).config();
        if (cfg.confd().isPresent()) cfg = EmbeddedConfd.firstRender(cfg, config);
        LogLevels.apply(cfg.logLevel());
        Daemon daemon = new Daemon(cfg, config);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            // kernel.graceful-restart: SIGTERM is a graceful stop (RFC 4724), as is `graceful restart`
            if (closed.compareAndSet(false, true))
                daemon.close(daemon.gracefulStop(daemon.config().kernel().gracefulRestart()));
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
        // `down` on the control socket: close here, then let main exit (the hook finds it closed).
        daemon.shutdownRequested().thenRun(() -> Thread.ofPlatform().name("down").start(stop));
        daemon.start();
        HangupReload.install(daemon);
        stopped.await();
        return 0;
    }

}
