package org.bgpd.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bgpd.confd.Confd;
import org.bgpd.confd.KeySources;
import org.bgpd.confd.etcd.EtcdOptions;
import org.bgpd.confd.render.Outcome;
import org.bgpd.confd.render.RenderPass;
import org.bgpd.confd.tree.KeySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bgpd confd}: renders configuration files from a key backend, like Calico's confd. Runs on
 * the main thread; the renderer and the backend have threads of their own.
 */
@Command(name = "confd", description = {
        "Render configuration files from keys (templates in CONFDIR/templates, resources in CONFDIR/conf.d).",
        "With --onetime: exit 0 = success (a file changed or nothing changed), 1 = a render, check, write or reload failed,",
        "as confd's -onetime does (init scripts run `confd -onetime || exit 1`). --detailed-exitcode: 2 when a file changed."})
public final class ConfdCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    /** Only with {@code --detailed-exitcode}. */
    static final int CHANGED = 2;

    /** Environment variables templates may read with getenv. */
    private static final List<String> TEMPLATE_ENV = List.of("NODENAME", "CALICO_ROUTER_ID", "CALICO_ADVERTISE_CLUSTER_IPS");

    @Option(names = "--confdir", defaultValue = "/etc/calico/confd", description = "folder with conf.d/ and templates/ (default ${DEFAULT-VALUE})")
    Path confdir;

    @Option(names = "--backend", defaultValue = "file",
            description = "file (YAML keys), calico (a folder of Calico v3 resources) or etcd (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--file", description = "file backend: a YAML file or folder of keys; calico backend: a folder of resources")
    Path file;

    @Option(names = "--etcd-endpoints", split = ",", description = "etcd endpoints (default: $ETCD_ENDPOINTS, else http://127.0.0.1:2379)")
    List<String> etcdEndpoints;

    @Option(names = "--etcd-ca-cert-file", description = "default: $ETCD_CA_CERT_FILE")
    Path etcdCa;

    @Option(names = "--etcd-cert-file", description = "default: $ETCD_CERT_FILE")
    Path etcdCert;

    @Option(names = "--etcd-key-file", description = "PKCS#8 PEM; default: $ETCD_KEY_FILE")
    Path etcdKey;

    @Option(names = "--node", description = "this node's name (default: $NODENAME, else the host name)")
    String node;

    @Option(names = "--onetime", description = "render once and exit with the status above")
    boolean onetime;

    @Option(names = "--detailed-exitcode", description = "with --onetime: exit 2 (not 0) when a file changed")
    boolean detailedExitCode;

    @Option(names = "--interval", defaultValue = "1", description = "seconds between file backend polls and the render debounce (default ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(names = "--no-reload", description = "write files but do not run the reload step (first render before the daemon starts)")
    boolean noReload;

    /** Flags win over Calico's ETCD_* variables, one by one. */
    private EtcdOptions etcdOptions() {
        EtcdOptions env = EtcdOptions.fromEnvironment(System.getenv());
        return new EtcdOptions(etcdEndpoints != null && !etcdEndpoints.isEmpty() ? etcdEndpoints : env.endpoints(),
                etcdCa != null ? etcdCa : env.caCertFile(), etcdCert != null ? etcdCert : env.certFile(),
                etcdKey != null ? etcdKey : env.keyFile());
    }

    @Override
    public Integer call() {
        Duration interval = Duration.ofMillis(Math.max(10, (long) (intervalSeconds * 1000)));
        String nodeName = node != null ? node : defaultNode();
        KeySource source;
        try {
            source = KeySources.open(backend, file, interval, nodeName, etcdOptions());
        } catch (RuntimeException e) {
            System.err.println("bgpd confd: " + e.getMessage());
            return FAILED;
        }
        Map<String, String> env = new HashMap<>();
        for (String name : TEMPLATE_ENV) {
            String v = System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.put("NODENAME", nodeName);
        Confd.Options options = new Confd.Options(confdir, nodeName, env, interval, !noReload, Path.of("/etc/hosts"));
        try (Confd confd = new Confd(options, source)) {
            if (onetime) {
                RenderPass pass = confd.onetime();
                report(pass);
                return pass.failed() ? FAILED : pass.changed() && detailedExitCode ? CHANGED : OK;
            }
            report(confd.start());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "confd-stop"));
            stop.await();
            return OK;
        } catch (IOException e) {
            System.err.println("bgpd confd: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static void report(RenderPass pass) {
        for (Outcome o : pass.outcomes()) {
            switch (o.kind()) {
                case FAILED -> System.err.println(o.resource() + ": " + o.message());
                case CHANGED -> System.out.println(o.resource() + ": " + o.message());
                case UNCHANGED -> System.out.println(o.resource() + ": unchanged");
            }
        }
    }

    private static String defaultNode() {
        String env = System.getenv("NODENAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
