package org.bgpd.confd.calico;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bgpd.confd.tree.KeySnapshot;
import org.bgpd.confd.tree.KeySource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Calico v3 resources from YAML (a file, or every {@code .yaml}/{@code .yml} in a folder, as
 * {@code calicoctl apply -f} takes them) plus IPAM block affinities from seed files ({@code key
 * value} per line, the {@code .keys} files of the folder or an explicit one), turned into the raw
 * keys Calico's etcd layout has. Kubernetes Services, Endpoints and EndpointSlices (what
 * {@code kubectl apply -f} takes) become {@code /bgpd/kubernetes/...} keys for per-Service routes,
 * and, when an endpoint-status folder is given, Felix's endpoint-status files become
 * {@code /bgpd/endpoint-status/<file>} keys for local workload peers. Wrap it in
 * {@link DerivingKeySource} (see {@link #derived}) to get the v1 tree. {@link #watch} polls file
 * times and sizes.
 * Thread-safe; watch callbacks arrive on one poller thread.
 */
public final class CalicoResourceFolder implements KeySource {

    private final Path path;
    private final Path seedFile;
    private final Path endpointStatusDir;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("calico-folder-poll").unstarted(r));
    private long revision;

    /** @param seedFile an extra seed file of {@code key value} lines, or null. */
    public CalicoResourceFolder(Path path, Path seedFile, Duration pollInterval) {
        this(path, seedFile, null, pollInterval);
    }

    /**
     * @param seedFile an extra seed file of {@code key value} lines, or null.
     * @param endpointStatusDir Felix's endpoint-status folder (Calico's
     *     {@code $CALICO_ENDPOINT_STATUS_PATH_PREFIX/endpoint-status}), or null; a folder that does
     *     not exist yet holds no workloads.
     */
    public CalicoResourceFolder(Path path, Path seedFile, Path endpointStatusDir, Duration pollInterval) {
        this.path = path;
        this.seedFile = seedFile;
        this.endpointStatusDir = endpointStatusDir;
        this.pollInterval = pollInterval;
    }

    /** The folder as Calico's v1 tree, as seen from {@code localNode} (may be null). */
    public static KeySource derived(Path path, Path seedFile, String localNode) {
        return new DerivingKeySource(new CalicoResourceFolder(path, seedFile, Duration.ofSeconds(1)), localNode);
    }

    @Override
    public String describe() {
        return "calico resources " + path;
    }

    @Override
    public synchronized KeySnapshot load() throws IOException {
        return new KeySnapshot(++revision, readKeys());
    }

    private SortedMap<String, String> readKeys() throws IOException {
        SortedMap<String, String> keys = new TreeMap<>();
        for (Path f : files()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".keys")) {
                readSeed(f, keys);
            } else {
                readResources(f, keys);
            }
        }
        if (seedFile != null) {
            readSeed(seedFile, keys);
        }
        for (Path f : endpointStatusFiles()) {
            readEndpointStatus(f, keys);
        }
        return keys;
    }

    private List<Path> endpointStatusFiles() throws IOException {
        if (endpointStatusDir == null || !Files.isDirectory(endpointStatusDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(endpointStatusDir)) {
            // Hidden files are editors' and atomic writers' temporaries, not workloads.
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** Adds one of Felix's endpoint-status files, keyed by its file name (the JSON is judged later). */
    public static void readEndpointStatus(Path file, SortedMap<String, String> keys) throws IOException {
        keys.put(LocalWorkloadPeers.PREFIX + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + ": no such file or folder");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".keys");
            }).sorted().toList();
        }
    }

    /** Adds the {@code key value} lines of a seed file (etcdctl put pairs). */
    public static void readSeed(Path file, SortedMap<String, String> keys) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int space = t.indexOf(' ');
            keys.put(space < 0 ? t : t.substring(0, space), space < 0 ? "" : t.substring(space + 1).strip());
        }
    }

    /** Adds every resource of a calicoctl/kubectl YAML file, replacing resources of the same name. */
    public static void readResources(Path file, SortedMap<String, String> keys) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                    new DumperOptions(), new LoaderOptions(), new ColonNumbersAsText()).loadAll(text)) {
                addDocument(doc, keys);
            }
        } catch (YAMLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a Secret, as {@code kubectl delete secret NAME} does. */
    public static void deleteSecret(String name, SortedMap<String, String> keys) {
        keys.remove(Secrets.PREFIX + name);
    }

    @SuppressWarnings("unchecked")
    static void addDocument(Object doc, SortedMap<String, String> keys) {
        if (!(doc instanceof Map<?, ?> m)) {
            return;
        }
        Map<String, Object> res = (Map<String, Object>) m;
        String kind = Fields.string(res, "kind");
        if (kind.endsWith("List")) {
            for (Object item : Fields.list(res, "items")) {
                addDocument(item, keys);
            }
            return;
        }
        String name = Fields.string(res, "metadata", "name");
        if (name.isEmpty()) {
            return;
        }
        String folder = switch (kind) {
            case "Node" -> "nodes/";
            case "BGPConfiguration" -> "bgpconfigurations/";
            case "BGPPeer" -> "bgppeers/";
            case "IPPool" -> "ippools/";
            case "BGPFilter" -> "bgpfilters/";
            default -> null;
        };
        String kubernetes = switch (kind) {
            case "Service" -> ServiceRoutes.SERVICES;
            case "Endpoints" -> ServiceRoutes.ENDPOINTS;
            case "EndpointSlice" -> ServiceRoutes.ENDPOINT_SLICES;
            default -> null;
        };
        if (folder != null) {
            keys.put(CalicoTree.RESOURCES + folder + name, Json.write(res));
        } else if (kubernetes != null) {
            String namespace = Fields.string(res, "metadata", "namespace");
            keys.put(kubernetes + (namespace.isEmpty() ? "default" : namespace) + "/" + name, Json.write(res));
        } else if (kind.equals("Secret")) {
            keys.put(Secrets.PREFIX + name, Json.write(secretValues(res)));
        }
    }

    /** A Secret's {@code data} (base64) and {@code stringData} (plain, wins) as plain strings. */
    private static Map<String, String> secretValues(Map<String, Object> res) {
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, String> e : Fields.strings(res, "data").entrySet()) {
            try {
                values.put(e.getKey(), new String(Base64.getMimeDecoder().decode(e.getValue()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // Not base64: Kubernetes would have refused it; leave the key out.
            }
        }
        values.putAll(Fields.strings(res, "stringData"));
        return values;
    }

    @Override
    public void watch(KeySnapshot from, Listener listener) {
        Poll poll = new Poll(from, listener);
        long ms = Math.max(10, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(poll::run, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Poller-thread state: the last fingerprint and snapshot delivered. */
    private final class Poll {
        private final Listener listener;
        private KeySnapshot last;
        private String fingerprint = "";
        private String lastError;

        Poll(KeySnapshot from, Listener listener) {
            this.listener = listener;
            this.last = from;
            try {
                fingerprint = fingerprint();
            } catch (IOException e) {
                fingerprint = "";
            }
        }

        void run() {
            try {
                String now = fingerprint();
                if (now.equals(fingerprint)) {
                    return;
                }
                fingerprint = now;
                SortedMap<String, String> keys = readKeys();
                if (lastError != null) {
                    lastError = null;
                    listener.status(new SourceStatus(true, last.revision(), null));
                }
                if (!keys.equals(last.keys())) {
                    synchronized (CalicoResourceFolder.this) {
                        last = new KeySnapshot(++revision, keys);
                    }
                    listener.changed(last);
                }
            } catch (IOException | RuntimeException e) {
                // Keep the last good snapshot; report once per distinct error.
                if (!String.valueOf(e.getMessage()).equals(lastError)) {
                    lastError = String.valueOf(e.getMessage());
                    listener.status(new SourceStatus(false, last.revision(), lastError));
                }
            }
        }
    }

    private String fingerprint() throws IOException {
        List<Path> all = new ArrayList<>(files());
        if (seedFile != null) {
            all.add(seedFile);
        }
        all.addAll(endpointStatusFiles());
        StringBuilder sb = new StringBuilder();
        for (Path p : all) {
            sb.append(p).append(' ').append(Files.getLastModifiedTime(p).toMillis()).append(' ')
                    .append(Files.size(p)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
