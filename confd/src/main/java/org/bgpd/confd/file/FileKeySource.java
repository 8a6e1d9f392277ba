package org.bgpd.confd.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;

/**
 * Keys from a YAML file, or from every {@code *.yaml}/{@code *.yml} file in a folder (a key may
 * appear in only one of them). Watching polls: it re-reads the files every interval and delivers a
 * snapshot only when the keys differ, so editors that rewrite a file in several steps, or touch it
 * without changing it, cause no spurious renders. Polling rather than WatchService because inotify
 * misses changes behind bind-mounted ConfigMap symlink swaps. The revision counts changes seen.
 * Thread-safe: {@link #load()} and {@link #poll()} are synchronized; the watch runs on one daemon
 * thread of its own.
 */
public final class FileKeySource implements KeySource {

    private final Path path;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private Map<String, String> last;
    private long revision;
    private Listener listener;
    private String lastError;

    public FileKeySource(Path path, Duration interval) {
        this.path = path;
        this.interval = interval;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public synchronized KeySnapshot load() throws IOException {
        Map<String, String> keys = read();
        if (last == null || !last.equals(keys)) {
            last = keys;
            revision++;
        }
        return new KeySnapshot(revision, new TreeMap<>(keys));
    }

    @Override
    public synchronized void watch(KeySnapshot from, Listener listener) {
        if (timer != null) {
            throw new IllegalStateException("already watching " + path);
        }
        this.listener = listener;
        this.last = new TreeMap<>(from.keys());
        this.revision = Math.max(revision, from.revision());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "confd-file-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Re-reads the files once and tells the listener about a change or a read error (errors are
     * reported once until the files read cleanly again). Returns whether the keys changed.
     */
    public synchronized boolean poll() {
        Map<String, String> keys;
        try {
            keys = read();
        } catch (IOException e) {
            if (!e.getMessage().equals(lastError)) {
                lastError = e.getMessage();
                notifyStatus(false);
            }
            return false;
        }
        if (lastError != null) {
            lastError = null;
            notifyStatus(true);
        }
        if (keys.equals(last)) {
            return false;
        }
        last = keys;
        revision++;
        if (listener != null) {
            listener.changed(new KeySnapshot(revision, new TreeMap<>(keys)));
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void notifyStatus(boolean connected) {
        if (listener != null) {
            listener.status(new SourceStatus(connected, revision, lastError));
        }
    }

    private Map<String, String> read() throws IOException {
        if (!Files.isDirectory(path)) {
            return KeyFileParser.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        }
        Map<String, String> merged = new TreeMap<>();
        for (Path file : yamlFiles()) {
            Map<String, String> keys = KeyFileParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            for (Map.Entry<String, String> e : keys.entrySet()) {
                if (merged.putIfAbsent(e.getKey(), e.getValue()) != null) {
                    throw new IOException(file + ": key " + e.getKey() + " is also set in another file");
                }
            }
        }
        return merged;
    }

    private List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().forEach(files::add);
        }
        return files;
    }
}
