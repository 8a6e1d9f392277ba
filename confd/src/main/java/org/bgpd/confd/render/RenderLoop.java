package org.bgpd.confd.render;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.bgpd.confd.resource.TemplateResource;
import org.bgpd.confd.template.RenderScope;
import org.bgpd.confd.template.TemplateEngine;
import org.bgpd.confd.tree.KeyQueries;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe entry points; renders run on the {@link Scheduler}'s thread (or the caller's, for
 * {@link #renderNow}), one at a time. Listens to a {@link KeySource} and turns bursts of changes
 * into one render: the first change after a render schedules one {@code debounce} later, and
 * changes arriving meanwhile only replace the snapshot it will use. A resource whose watched keys
 * did not change since its last successful render is not rendered again.
 */
public final class RenderLoop implements KeySource.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RenderLoop.class);

    private final List<TemplateResource> resources;
    private final TemplateEngine engine;
    private final ResourceWriter writer;
    private final String node;
    private final Map<String, String> env;
    private final Scheduler scheduler;
    private final Duration debounce;
    private final Clock clock;
    private final UnaryOperator<String> finish;

    private final Map<String, SortedMap<String, String>> renderedInputs = new HashMap<>();
    private KeySnapshot pending;
    private boolean scheduled;
    private volatile ConfdStatus status;

    public RenderLoop(List<TemplateResource> resources, TemplateEngine engine, ResourceWriter writer, String node,
                      Map<String, String> env, Scheduler scheduler, Duration debounce, Clock clock, String backend) {
        this(resources, engine, writer, node, env, scheduler, debounce, clock, backend, UnaryOperator.identity());
    }

    /** @param finish applied to every rendered text before it is compared and written (the daemon appends its confd section) */
    public RenderLoop(List<TemplateResource> resources, TemplateEngine engine, ResourceWriter writer, String node,
                      Map<String, String> env, Scheduler scheduler, Duration debounce, Clock clock, String backend,
                      UnaryOperator<String> finish) {
        this.finish = finish;
        this.resources = List.copyOf(resources);
        this.engine = engine;
        this.writer = writer;
        this.node = node;
        this.env = Map.copyOf(env);
        this.scheduler = scheduler;
        this.debounce = debounce;
        this.clock = clock;
        this.status = new ConfdStatus(backend, false, 0, null, null);
    }

    public ConfdStatus status() {
        return status;
    }

    @Override
    public void changed(KeySnapshot snapshot) {
        synchronized (this) {
            pending = snapshot;
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        scheduler.schedule(this::renderPending, debounce);
    }

    @Override
    public void status(KeySource.SourceStatus s) {
        synchronized (this) {
            status = status.withBackend(s.connected(), s.lastError());
        }
        if (s.connected()) {
            LOG.info("{}: connected at revision {}", status.backend(), s.revision());
        } else {
            LOG.warn("{}: {}; keeping the last rendered files", status.backend(), s.lastError());
        }
    }

    /** Marks the backend reachable after a successful first load. */
    public synchronized void connected() {
        status = status.withBackend(true, status.lastError());
    }

    private void renderPending() {
        KeySnapshot snapshot;
        synchronized (this) {
            snapshot = pending;
            pending = null;
            scheduled = false;
        }
        if (snapshot != null) {
            renderNow(snapshot);
        }
    }

    /** Renders every resource for {@code snapshot} now, on the calling thread. */
    public synchronized RenderPass renderNow(KeySnapshot snapshot) {
        RenderScope scope = new RenderScope(snapshot, node, env);
        List<Outcome> outcomes = new ArrayList<>();
        String lastError = null;
        for (TemplateResource r : resources) {
            Outcome o = renderOne(r, scope);
            outcomes.add(o);
            switch (o.kind()) {
                case CHANGED -> LOG.info("{}: {} (revision {})", r.name(), o.message(), snapshot.revision());
                case FAILED -> {
                    LOG.error("{}: {}", r.name(), o.message());
                    lastError = r.name() + ": " + o.message();
                }
                case UNCHANGED -> LOG.debug("{}: unchanged", r.name());
            }
        }
        status = status.withRender(snapshot.revision(), clock.instant(), lastError);
        return new RenderPass(snapshot.revision(), outcomes);
    }

    private Outcome renderOne(TemplateResource r, RenderScope scope) {
        SortedMap<String, String> inputs = KeyQueries.under(scope.keys(), r.keys());
        if (inputs.equals(renderedInputs.get(r.name()))) {
            return Outcome.unchanged(r.name());
        }
        String text;
        try {
            text = finish.apply(engine.render(r.src(), scope));
        } catch (TemplateEngine.RenderException e) {
            renderedInputs.remove(r.name());
            return new Outcome(r.name(), Outcome.Kind.FAILED, "template " + r.src() + ": " + e.getMessage());
        }
        Outcome o = writer.write(r, text);
        if (o.kind() == Outcome.Kind.FAILED) {
            renderedInputs.remove(r.name());
        } else {
            renderedInputs.put(r.name(), inputs);
        }
        return o;
    }
}
