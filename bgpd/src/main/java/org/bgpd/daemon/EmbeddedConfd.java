package org.bgpd.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.bgpd.confd.Confd;
import org.bgpd.confd.Embedding;
import org.bgpd.confd.KeySources;
import org.bgpd.confd.etcd.EtcdOptions;
import org.bgpd.confd.render.ConfdStatus;
import org.bgpd.confd.render.Outcome;
import org.bgpd.confd.render.RenderPass;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.model.ConfdConfig;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.print.ConfigPrinter;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.ConfdInfo;
import org.bgpd.control.ConfigureResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The {@code confd:} section at work: a renderer inside the daemon whose output is
 * the daemon's own configuration file, checked with {@link Daemon#checkReload(Path)} and applied
 * with {@link Daemon#configure} on the render thread, with no control socket round trip.
 *
 * <p>No loop: the section is read once, when the daemon starts. Renderings carry it through
 * ({@link #carryThrough}); one with a different section fails the check, and a reload that
 * changes it is refused by {@link ReloadPlan}, so the renderer is never restarted or stopped by
 * its own output. Applying a rendering renders nothing (only key changes do).
 */
public final class EmbeddedConfd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConfd.class);
    /** Environment variables templates may read with getenv, as for {@code bgpd confd}. */
    private static final List<String> TEMPLATE_ENV = List.of("NODENAME", "CALICO_ROUTER_ID", "CALICO_ADVERTISE_CLUSTER_IPS");
    private static final Pattern CONFD_KEY = Pattern.compile("(?m)^confd\\s*:");
    private static final long MAX_RETRY_MS = 30_000;

    private final ConfdConfig section;
    private final String node;
    private final Path file;
    private final Confd confd;
    private final AtomicLong reloads = new AtomicLong();
    private final Thread starter;
    private volatile String startError;
    private volatile boolean closed;

    private EmbeddedConfd(Daemon daemon, ConfdConfig section) throws IOException {
        this.section = section;
        this.node = nodeName(section);
        this.file = daemon.configPath();
        Function<Path, String> check = staged -> {
            ReloadResult r = daemon.checkReload(staged);
            return r.ok() ? null : r.errorText();
        };
        Supplier<String> reload = () -> {
            reloads.incrementAndGet();
            ConfigureResult r = daemon.configure(false, null);
            return r.outcome() == ConfigureResult.Outcome.FAILED ? r.error() : null;
        };
        this.confd = Confd.embedded(options(section, node, true), KeySources.open(backendName(section),
                        section.file().map(Path::of).orElse(null), debounce(section), node, etcd(section)),
                new Embedding(section.resource(), file, carryThrough(section), check, reload));
        this.starter = Thread.ofPlatform().name("confd-start").daemon(true).unstarted(this::startWithRetries);
    }

    /** Starts the renderer of {@code daemon}'s {@code confd:} section; null when it has none. */
    static EmbeddedConfd start(Daemon daemon) {
        ConfdConfig section = daemon.config().confd().orElse(null);
        if (section == null) return null;
        try {
            EmbeddedConfd c = new EmbeddedConfd(daemon, section);
            c.starter.start();
            return c;
        } catch (IOException | RuntimeException e) {
            // A broken confdir or backend setting must not stop BGP: the daemon runs its file as is.
            LOG.error("confd: cannot start, running {} as it is: {}", daemon.configPath(), e.getMessage());
            return null;
        }
    }

    /**
     * Renders once before the daemon exists, so it starts from the keys' configuration rather than
     * the seed (a router id from the seed could not be changed by a reload). Returns the
     * configuration to start with: the rendered one, or {@code seed} when the backend is
     * unreachable or the rendering was refused.
     */
    public static DaemonConfig firstRender(DaemonConfig seed, Path configPath) {
        ConfdConfig section = seed.confd().orElseThrow();
        String node = nodeName(section);
        Function<Path, String> check = staged -> switch (ConfigLoader.load(staged)) {
            case LoadResult.Failed f -> errors(f.errors());
            case LoadResult.Loaded l -> l.config().confd().equals(seed.confd()) ? null : changedSection();
        };
        Embedding embedding = new Embedding(section.resource(), configPath, carryThrough(section), check, () -> null);
        RenderPass pass;
        try (Confd confd = Confd.embedded(options(section, node, false), KeySources.open(backendName(section),
                section.file().map(Path::of).orElse(null), debounce(section), node, etcd(section)), embedding)) {
            pass = confd.onetime();
        } catch (IOException | RuntimeException e) {
            LOG.error("confd: first render failed, starting from {} as it is: {}", configPath, e.getMessage());
            return seed;
        }
        for (Outcome o : pass.outcomes()) {
            if (o.kind() == Outcome.Kind.FAILED) {
                LOG.error("confd: first render refused, starting from {} as it is: {}", configPath, o.message());
            }
        }
        // Unchanged or refused: the file still holds the seed.
        if (pass.changed() && ConfigLoader.load(configPath) instanceof LoadResult.Loaded l) return l.config();
        return seed;
    }

    /**
     * Appends the running section to a rendering that has no top-level {@code confd:} key, so the
     * rendered file starts the same renderer after a restart; templates need not know about it.
     */
    static UnaryOperator<String> carryThrough(ConfdConfig section) {
        String printed = ConfigPrinter.printConfd(section);
        return text -> {
            if (CONFD_KEY.matcher(text).find()) return text;
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return text + sep + "\n# carried through from the running configuration by the daemon's confd\n" + printed;
        };
    }

    private void startWithRetries() {
        long backoff = 500;
        while (!closed) {
            try {
                RenderPass first = confd.start();
                startError = null;
                LOG.info("confd: node {}, {}, watching from revision {}", node, confd.status().backend(), first.revision());
                return;
            } catch (IOException | RuntimeException e) {
                startError = e.getMessage();
                LOG.warn("confd: {}; retrying in {} ms, running configuration kept", e.getMessage(), backoff);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_RETRY_MS, backoff * 2);
        }
    }

    /** For {@code show confd}. */
    public ConfdInfo info() {
        ConfdStatus s = confd.status();
        String error = s.lastError() != null ? s.lastError() : startError;
        return new ConfdInfo(s.backend(), node, file.toString(), s.backendConnected(), s.revision(), s.lastRender(),
                error, reloads.get());
    }

    /** How many renderings were handed to {@link Daemon#configure}. */
    public long reloads() { return reloads.get(); }

    public ConfdConfig section() { return section; }

    @Override
    public void close() {
        closed = true;
        starter.interrupt();
        confd.close();
    }

    private static Confd.Options options(ConfdConfig c, String node, boolean reload) {
        Map<String, String> env = new HashMap<>();
        for (String name : TEMPLATE_ENV) {
            String v = System.getenv(name);
            if (v != null) env.put(name, v);
        }
        env.put("NODENAME", node);
        return new Confd.Options(Path.of(c.confdir()), node, env, debounce(c), reload, Path.of("/etc/hosts"));
    }

    private static Duration debounce(ConfdConfig c) {
        return Duration.ofMillis(Math.max(10, c.debounceMillis()));
    }

    private static String backendName(ConfdConfig c) {
        return c.backend().name().toLowerCase(Locale.ROOT);
    }

    /** Keys the section leaves out come from Calico's ETCD_* variables, one by one. */
    private static EtcdOptions etcd(ConfdConfig c) {
        EtcdOptions env = EtcdOptions.fromEnvironment(System.getenv());
        return new EtcdOptions(c.etcdEndpoints().isEmpty() ? env.endpoints() : c.etcdEndpoints(),
                c.etcdCaCertFile().map(Path::of).orElse(env.caCertFile()),
                c.etcdCertFile().map(Path::of).orElse(env.certFile()),
                c.etcdKeyFile().map(Path::of).orElse(env.keyFile()));
    }

    private static String nodeName(ConfdConfig c) {
        if (c.node().isPresent()) return c.node().get();
        String env = System.getenv("NODENAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static String changedSection() {
        return "the rendered confd section differs from the running one; it is fixed until a restart";
    }

    private static String errors(List<ConfigError> errors) {
        StringBuilder b = new StringBuilder();
        for (ConfigError e : errors) b.append(b.isEmpty() ? "" : "\n").append(e);
        return b.toString();
    }
}
