package org.bgpd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Owned by the benchmark's main thread. The reflector under test as a separate process: bgpd
 * through {@code bin/bgpd run} or BIRD 2 in the foreground, with a config listing one passive
 * rr-client peer per speaker address.
 */
final class ReflectorProcess implements AutoCloseable {
    static final String BIRD = "/usr/sbin/bird";
    static final int AS = 65000;

    final String name;
    private final Process process;
    final Path log;

    private ReflectorProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        // An interrupted benchmark must not leave a reflector listening.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    }

    static boolean birdInstalled() {
        return Files.isExecutable(Path.of(BIRD));
    }

    long pid() { return process.pid(); }

    boolean alive() { return process.isAlive(); }

    static ReflectorProcess bgpd(Path root, Path dir, String address, int port, List<String> peers, String javaOpts)
            throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("router-id: ").append(address).append("\nlocal-as: ").append(AS)
                .append("\nlog-level: warn\nlisten: {address: \"").append(address).append("\", port: ").append(port)
                .append("}\ntemplates:\n  client: {passive: true, rr-client: true, hold-time: 240, import: all, export: all}\npeers:\n");
        for (int i = 0; i < peers.size(); i++) {
            y.append("  - {name: p").append(i).append(", template: client, address: \"").append(peers.get(i))
                    .append("\", remote-as: ").append(AS).append("}\n");
        }
        Path conf = dir.resolve("bgpd.yaml");
        Files.writeString(conf, y);
        Path log = dir.resolve("bgpd.log");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/bgpd").toString(), "run", "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (javaOpts != null) pb.environment().put("BGPD_JAVA_OPTS", javaOpts);
        return new ReflectorProcess("bgpd", pb.start(), log);
    }

    /**
     * BIRD 2 reflecting between rr clients. iBGP sessions resolve next hops recursively
     * through the IGP table, so a device route for 127/8 makes the speakers' next hops valid.
     */
    static ReflectorProcess bird(Path dir, String address, int port, List<String> peers) throws IOException {
        StringBuilder c = new StringBuilder();
        c.append("log \"").append(dir.resolve("bird.log")).append("\" { warning, error, fatal };\n");
        c.append("router id ").append(address).append(";\nprotocol device { }\n");
        c.append("protocol static lo_routes { ipv4; route 127.0.0.0/8 via \"lo\"; }\n");
        c.append("template bgp rrc {\n  local ").append(address).append(" port ").append(port).append(" as ").append(AS)
                .append(";\n  passive on;\n  rr client;\n  hold time 240;\n  ipv4 { import all; export all; };\n}\n");
        for (int i = 0; i < peers.size(); i++) {
            c.append("protocol bgp p").append(i).append(" from rrc { neighbor ").append(peers.get(i)).append(" as ")
                    .append(AS).append("; }\n");
        }
        Path conf = dir.resolve("bird.conf");
        Files.writeString(conf, c);
        Path log = dir.resolve("bird.out");
        ProcessBuilder pb = new ProcessBuilder(BIRD, "-c", conf.toString(), "-s", dir.resolve("bird.ctl").toString(), "-f")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        return new ReflectorProcess("bird", pb.start(), log);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
