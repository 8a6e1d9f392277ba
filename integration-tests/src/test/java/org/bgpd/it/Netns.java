package org.bgpd.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Owned by the test thread that created it; not thread-safe. A network namespace named
 * {@code bgpdtest-XXXX} with {@code lo} up, created with iproute2 ({@code ip netns add}), so
 * BIRD, bgpd and kernel routes can be tested without touching the host. Processes started in
 * it are killed and the namespace deleted on {@link #close()}, or by {@link ShutdownCleanup}
 * if the test never gets there. Needs root (CAP_SYS_ADMIN); CI runs as root, and elsewhere
 * {@link #create()} fails with a message saying so.
 */
public final class Netns implements AutoCloseable {

    private final String name;
    private final ShutdownCleanup.Registration cleanup;
    private final List<Process> processes = new ArrayList<>();
    private final List<ShutdownCleanup.Registration> processCleanups = new ArrayList<>();

    private Netns(String name) {
        this.name = name;
        this.cleanup = ShutdownCleanup.register("netns " + name, () -> ExternalCommand.tryRun("ip", "netns", "del", name));
    }

    public static Netns create() {
        requireRoot();
        String name = "bgpdtest-" + Integer.toHexString(0x10000 + ThreadLocalRandom.current().nextInt(0xf0000)).substring(1);
        ExternalCommand.run("ip", "netns", "add", name);
        Netns ns = new Netns(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Fails with a clear message when not root: namespace tests must fail, not skip, without it. */
    public static void requireRoot() {
        String uid = ExternalCommand.run("id", "-u").strip();
        if (!uid.equals("0")) {
            throw new IllegalStateException("network namespace tests need root (ip netns add needs CAP_SYS_ADMIN); "
                    + "running as uid " + uid + ". Run the build as root, as CI does.");
        }
    }

    public String name() {
        return name;
    }

    /** The command prefix that runs a program inside this namespace. */
    public List<String> execPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Runs {@code command} inside the namespace and returns its stdout; throws on a non-zero exit. */
    public String exec(String... command) {
        return ExternalCommand.run(prefixed(command));
    }

    /** Runs {@code command} inside the namespace and returns the result whatever its exit code. */
    public ExternalCommand.Result tryExec(String... command) {
        return ExternalCommand.tryRun(prefixed(command));
    }

    /** {@code ip -n NAME ARGS...}; returns stdout, throws with ip's message on failure. */
    public String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return ExternalCommand.run(cmd.toArray(String[]::new));
    }

    /**
     * Starts a long-running program inside the namespace with stdout and stderr appended to
     * {@code log}. It is killed on {@link #close()} if still running.
     */
    public Process start(Path log, String... command) {
        List<String> cmd = new ArrayList<>(execPrefix());
        cmd.addAll(List.of(command));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            processes.add(p);
            processCleanups.add(ShutdownCleanup.register("pid " + p.pid() + " in netns " + name, () -> p.destroyForcibly()));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A veth pair with both ends in this namespace, both up: e.g. a Calico workload interface
     * {@code cali...} (the host end of the pod's veth). Veth rather than dummy, because the
     * dummy module is not loadable on every machine this runs on.
     */
    public void addVethPair(String dev, String peerDev) {
        ip("link", "add", dev, "type", "veth", "peer", "name", peerDev);
        linkUp(dev);
        linkUp(peerDev);
    }

    /**
     * A veth pair {@code aDev} in {@code a} and {@code bDev} in {@code b}, with the given
     * addresses (CIDR, e.g. {@code 10.0.0.1/30} or {@code fd00:bd::1/64}; null for none), both up.
     */
    public static void connect(Netns a, String aDev, String aCidr, Netns b, String bDev, String bCidr) {
        a.ip("link", "add", aDev, "type", "veth", "peer", "name", bDev, "netns", b.name);
        if (aCidr != null) {
            a.addAddress(aDev, aCidr);
        }
        if (bCidr != null) {
            b.addAddress(bDev, bCidr);
        }
        a.linkUp(aDev);
        b.linkUp(bDev);
    }

    /** Adds an address without IPv6 duplicate address detection, so it is usable at once. */
    public void addAddress(String dev, String cidr) {
        if (cidr.indexOf(':') >= 0) {
            ip("addr", "add", cidr, "dev", dev, "nodad");
        } else {
            ip("addr", "add", cidr, "dev", dev);
        }
    }

    public void linkUp(String dev) {
        ip("link", "set", dev, "up");
    }

    /**
     * {@code ip route add SPEC}, split on spaces, as Felix programs routes, e.g.
     * {@code "10.244.1.5/32 dev cali123 proto boot"} or {@code "blackhole 10.244.1.0/26 proto boot"}.
     * IPv6 is chosen by the spec containing ':'.
     */
    public void addRoute(String spec) {
        route("add", spec);
    }

    public void replaceRoute(String spec) {
        route("replace", spec);
    }

    public void deleteRoute(String spec) {
        route("del", spec);
    }

    /** IPv4 routes of the main table. */
    public List<IpRoute> routes() {
        return routes("main");
    }

    /** IPv4 routes of {@code table} (a name, a number, or {@code all}). */
    public List<IpRoute> routes(String table) {
        return IpRouteParser.parse(ip("-j", "-4", "route", "show", "table", table), false, table);
    }

    /** IPv6 routes of {@code table}. */
    public List<IpRoute> routes6(String table) {
        return IpRouteParser.parse(ip("-j", "-6", "route", "show", "table", table), true, table);
    }

    /** Kills processes started here, then deletes the namespace (which removes its interfaces). */
    @Override
    public void close() {
        processCleanups.forEach(ShutdownCleanup.Registration::run);
        processCleanups.clear();
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        cleanup.run();
    }

    private void route(String verb, String spec) {
        List<String> args = new ArrayList<>();
        args.add(spec.indexOf(':') >= 0 ? "-6" : "-4");
        args.add("route");
        args.add(verb);
        args.addAll(List.of(spec.trim().split("\\s+")));
        ip(args.toArray(String[]::new));
    }

    private String[] prefixed(String... command) {
        List<String> cmd = new ArrayList<>(execPrefix());
        cmd.addAll(List.of(command));
        return cmd.toArray(String[]::new);
    }
}
