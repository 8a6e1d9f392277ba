package org.bgpd.confd.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys under a set of prefixes in etcd v3. {@link #load} reads every prefix at one revision;
 * {@link #watch} runs one thread that keeps prefix watches open from the last seen revision + 1,
 * so after a reconnect it replays only what it missed; a compacted revision makes it re-read
 * everything. While etcd is unreachable it retries with exponential back-off, reports through
 * {@link Listener#status}, and keeps the last snapshot (nothing is delivered until keys change).
 * Thread-safe; the watch thread owns the watch state and makes every listener callback.
 */
public final class EtcdKeySource implements KeySource {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdKeySource.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long MIN_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final EtcdOptions options;
    private final List<String> prefixes;
    private final Client client;
    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private Thread watchThread;

    private EtcdKeySource(EtcdOptions options, List<String> prefixes, Client client) {
        this.options = options;
        this.prefixes = List.copyOf(prefixes);
        this.client = client;
    }

    /** A source for {@code prefixes} (e.g. {@code /calico/}); connects lazily. */
    public static EtcdKeySource open(EtcdOptions options, List<String> prefixes) throws IOException {
        ClientBuilder builder = Client.builder().endpoints(options.endpoints().toArray(String[]::new))
                .connectTimeout(Duration.ofSeconds(3));
        if (options.tls()) {
            try {
                builder.sslContext(b -> {
                    if (options.caCertFile() != null) {
                        b.trustManager(options.caCertFile().toFile());
                    }
                    if (options.certFile() != null && options.keyFile() != null) {
                        b.keyManager(options.certFile().toFile(), options.keyFile().toFile());
                    }
                });
            } catch (SSLException | IllegalArgumentException e) {
                throw new IOException("etcd TLS setup: " + e.getMessage(), e);
            }
        }
        return new EtcdKeySource(options, prefixes, builder.build());
    }

    @Override
    public String describe() {
        return "etcd " + String.join(",", options.endpoints());
    }

    @Override
    public KeySnapshot load() throws IOException {
        long revision = 0;
        SortedMap<String, String> keys = new TreeMap<>();
        for (String prefix : prefixes) {
            GetOption.Builder opt = GetOption.builder().isPrefix(true);
            if (revision > 0) {
                opt.withRevision(revision);
            }
            GetResponse resp = await(client.getKVClient().get(bytes(prefix), opt.build()));
            if (revision == 0) {
                revision = resp.getHeader().getRevision();
            }
            for (KeyValue kv : resp.getKvs()) {
                keys.put(text(kv.getKey()), text(kv.getValue()));
            }
        }
        return new KeySnapshot(revision, keys);
    }

    @Override
    public synchronized void watch(KeySnapshot from, Listener listener) {
        if (watchThread != null) {
            throw new IllegalStateException("already watching");
        }
        WatchLoop loop = new WatchLoop(from, listener);
        watchThread = Thread.ofPlatform().daemon().name("etcd-watch").start(loop::run);
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = watchThread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.close();
    }

    /** What jetcd's callbacks hand to the watch thread, tagged with the watch generation. */
    private sealed interface Signal {
        int generation();
    }

    private record Events(int generation, WatchResponse response) implements Signal {}

    private record Failed(int generation, Throwable error) implements Signal {}

    /** The watch thread's state: the current tree, its revision, and the open watchers. */
    private final class WatchLoop {
        private final Listener listener;
        private final SortedMap<String, String> keys;
        private long revision;
        private int generation;
        private boolean reread;
        private final List<Watch.Watcher> watchers = new ArrayList<>();
        private KeySource.SourceStatus lastStatus;

        WatchLoop(KeySnapshot from, Listener listener) {
            this.listener = listener;
            this.keys = new TreeMap<>(from.keys());
            this.revision = from.revision();
        }

        void run() {
            long backoff = MIN_BACKOFF_MS;
            while (!closed) {
                try {
                    probe();
                    if (reread) {
                        KeySnapshot fresh = load();
                        reread = false;
                        revision = fresh.revision();
                        if (!fresh.keys().equals(keys)) {
                            keys.clear();
                            keys.putAll(fresh.keys());
                            listener.changed(new KeySnapshot(revision, keys));
                        }
                    }
                    report(true, null);
                    backoff = MIN_BACKOFF_MS;
                    watchUntilFailure();
                } catch (IOException e) {
                    if (closed) {
                        break;
                    }
                    report(false, e.getMessage());
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        break;
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                } catch (InterruptedException e) {
                    break;
                } finally {
                    closeWatchers();
                }
            }
        }

        /** One cheap read, so a reconnect is confirmed before watches are reopened. */
        private void probe() throws IOException {
            await(client.getKVClient().get(bytes(prefixes.get(0)),
                    GetOption.builder().isPrefix(true).withLimit(1).withKeysOnly(true).build()));
        }

        private void watchUntilFailure() throws IOException, InterruptedException {
            int gen = ++generation;
            for (String prefix : prefixes) {
                WatchOption opt = WatchOption.builder().isPrefix(true).withRevision(revision + 1).build();
                watchers.add(client.getWatchClient().watch(bytes(prefix), opt, Watch.listener(
                        r -> signals.add(new Events(gen, r)),
                        t -> signals.add(new Failed(gen, t)),
                        () -> signals.add(new Failed(gen, new IOException("watch closed by server"))))));
            }
            while (!closed) {
                Signal s = signals.take();
                boolean changed = false;
                while (s != null) {
                    if (s.generation() == gen) {
                        switch (s) {
                            case Events ev -> changed |= apply(ev.response());
                            case Failed f -> {
                                if (compacted(f.error())) {
                                    LOG.info("etcd revision {} compacted; re-reading all keys", revision + 1);
                                    reread = true;
                                }
                                throw new IOException(message(f.error()), f.error());
                            }
                        }
                    }
                    s = signals.poll();
                }
                if (changed) {
                    listener.changed(new KeySnapshot(revision, keys));
                }
            }
        }

        private boolean apply(WatchResponse response) {
            boolean changed = false;
            for (WatchEvent e : response.getEvents()) {
                KeyValue kv = e.getKeyValue();
                String key = text(kv.getKey());
                revision = Math.max(revision, kv.getModRevision());
                if (e.getEventType() == WatchEvent.EventType.PUT) {
                    changed |= !Objects.equals(keys.put(key, text(kv.getValue())), text(kv.getValue()));
                } else if (e.getEventType() == WatchEvent.EventType.DELETE) {
                    changed |= keys.remove(key) != null;
                }
            }
            return changed;
        }

        private void report(boolean connected, String error) {
            KeySource.SourceStatus status = new KeySource.SourceStatus(connected, revision, error);
            if (lastStatus == null || lastStatus.connected() != connected
                    || !Objects.equals(lastStatus.lastError(), error)) {
                if (connected) {
                    LOG.info("{} connected at revision {}", describe(), revision);
                } else {
                    LOG.warn("{} unreachable: {}", describe(), error);
                }
                lastStatus = status;
                listener.status(status);
            }
        }

        private void closeWatchers() {
            for (Watch.Watcher w : watchers) {
                try {
                    w.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing watcher", e);
                }
            }
            watchers.clear();
        }
    }

    private static boolean compacted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CompactedException
                    || (c.getMessage() != null && c.getMessage().contains("compacted"))) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws IOException {
        try {
            return f.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(message(e), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException("etcd request timed out after " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    private static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
