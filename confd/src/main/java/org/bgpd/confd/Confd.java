package org.bgpd.confd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgpd.confd.render.ConfdStatus;
import org.bgpd.confd.render.RenderLoop;
import org.bgpd.confd.render.RenderPass;
import org.bgpd.confd.render.ResourceWriter;
import org.bgpd.confd.render.ThreadScheduler;
import org.bgpd.confd.resource.ResourceLoader;
import org.bgpd.confd.resource.TemplateResource;
import org.bgpd.confd.template.TemplateEngine;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;

/**
 * Thread-safe. The renderer as one object: template resources from {@code <confdir>/conf.d},
 * templates from {@code <confdir>/templates}, keys from a {@link KeySource}. {@link #onetime}
 * renders once on the caller's thread; {@link #start} renders once, then on every change until
 * {@link #close}. Used by {@code bgpd confd} and, through {@link #embedded}, by the daemon's
 * {@code confd:} section.
 */
public final class Confd implements AutoCloseable {

    /** Renderer settings. {@code env} holds the variables templates may read with getenv. */
    public record Options(Path confdir, String node, Map<String, String> env, Duration debounce, boolean reload,
                          Path hostsFile) {
        public Options {
            env = Map.copyOf(env);
        }
    }

    private final KeySource source;
    private final ThreadScheduler scheduler = new ThreadScheduler();
    private final RenderLoop loop;

    public Confd(Options options, KeySource source) throws IOException {
        this(options, source, ResourceLoader.loadAll(options.confdir(), options.node()), UnaryOperator.identity());
    }

    private Confd(Options options, KeySource source, List<TemplateResource> resources, UnaryOperator<String> finish) {
        this.source = source;
        TemplateEngine engine = new TemplateEngine(options.confdir().resolve("templates"), options.hostsFile());
        this.loop = new RenderLoop(resources, engine, new ResourceWriter(options.reload()), options.node(),
                options.env(), scheduler, options.debounce(), Clock.systemUTC(), source.describe(), finish);
    }

    /**
     * The renderer inside a daemon: only {@code embedding.resource()} of the confdir is rendered,
     * to the daemon's file, checked and reloaded through the embedding's calls. Closes
     * {@code source} when the resource cannot be loaded.
     */
    public static Confd embedded(Options options, KeySource source, Embedding embedding) throws IOException {
        try {
            TemplateResource chosen = null;
            for (TemplateResource r : ResourceLoader.loadAll(options.confdir(), options.node())) {
                if (r.name().equals(embedding.resource())) chosen = r;
            }
            if (chosen == null) {
                throw new IOException(options.confdir().resolve("conf.d").resolve(embedding.resource()) + ": no such template resource");
            }
            TemplateResource own = chosen.redirected(embedding.dest(), new TemplateResource.Check.InProcess(embedding.check()),
                    new TemplateResource.Reload.InProcess(embedding.reload()));
            return new Confd(options, source, List.of(own), embedding.finish());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Loads the keys once and renders every resource; a backend failure is thrown. */
    public RenderPass onetime() throws IOException {
        KeySnapshot snapshot = source.load();
        loop.connected();
        return loop.renderNow(snapshot);
    }

    /** Renders once now, then watches the source; returns the first pass. */
    public RenderPass start() throws IOException {
        KeySnapshot snapshot = source.load();
        loop.connected();
        RenderPass first = loop.renderNow(snapshot);
        source.watch(snapshot, loop);
        return first;
    }

    public ConfdStatus status() {
        return loop.status();
    }

    @Override
    public void close() {
        source.close();
        scheduler.close();
    }
}
