package org.bgpd.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.rib.route.Family;

/**
 * What a graceful stop leaves for the next start (RFC 4724 §4.1 restarting speaker): when we
 * stopped, the restart time we had advertised, how many kernel routes we left in place, and the
 * peers that were told nothing (no Cease) with the families they keep our routes for. A small
 * text file, one {@code key: value} per line, written atomically. Immutable; safe to share.
 */
record RestartMarker(Instant stoppedAt, int restartTime, int kernelRoutes, List<PeerFamilies> peers) {

    /** One peer that negotiated graceful restart, and the families it keeps stale. */
    record PeerFamilies(String name, Set<Family> families) {
        PeerFamilies {
            families = families.isEmpty() ? EnumSet.noneOf(Family.class) : EnumSet.copyOf(families);
        }
    }

    static final String FILE_NAME = "bgpd.restart";

    RestartMarker {
        peers = List.copyOf(peers);
    }

    /**
     * Where the marker lives: beside the first control socket (a runtime directory the daemon
     * owns), else beside the configuration file.
     */
    static Path path(DaemonConfig cfg, Path configPath) {
        if (!cfg.controlSockets().isEmpty()) return Path.of(cfg.controlSockets().get(0).path()).resolveSibling(FILE_NAME);
        Path abs = configPath.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".restart");
    }

    /** Whether a start at {@code now} still falls within the restart time we advertised. */
    boolean fresh(Instant now) {
        Duration age = Duration.between(stoppedAt, now);
        return !age.isNegative() && age.compareTo(Duration.ofSeconds(restartTime)) <= 0;
    }

    /** Families some peer keeps our routes for: those we may claim forwarding state for (F bit). */
    Set<Family> families() {
        Set<Family> all = EnumSet.noneOf(Family.class);
        for (PeerFamilies p : peers) all.addAll(p.families());
        return all;
    }

    String text() {
        StringBuilder b = new StringBuilder("# bgpd graceful restart state; removed at the next start\n");
        b.append("stopped-at: ").append(stoppedAt).append('\n');
        b.append("restart-time: ").append(restartTime).append('\n');
        b.append("kernel-routes: ").append(kernelRoutes).append('\n');
        for (PeerFamilies p : peers) {
            b.append("peer: ").append(p.name());
            for (Family f : p.families()) b.append(' ').append(f.name());
            b.append('\n');
        }
        return b.toString();
    }

    /** Parses {@link #text}; null when the text is not a complete marker. */
    static RestartMarker parse(String text) {
        Instant at = null;
        int restart = -1;
        int routes = 0;
        List<PeerFamilies> peers = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int colon = line.indexOf(": ");
                if (colon < 0) return null;
                String key = line.substring(0, colon);
                String value = line.substring(colon + 2).trim();
                switch (key) {
                    case "stopped-at" -> at = Instant.parse(value);
                    case "restart-time" -> restart = Integer.parseInt(value);
                    case "kernel-routes" -> routes = Integer.parseInt(value);
                    case "peer" -> {
                        String[] words = value.split(" ");
                        Set<Family> fams = EnumSet.noneOf(Family.class);
                        for (int i = 1; i < words.length; i++) fams.add(Family.valueOf(words[i]));
                        peers.add(new PeerFamilies(words[0], fams));
                    }
                    default -> { } // a later version's key: ignore it
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
        return at == null || restart < 0 ? null : new RestartMarker(at, restart, routes, peers);
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads and deletes the marker: it describes one stop only, so a later crash must not be
     * mistaken for a graceful stop. Null when there is none or it cannot be read.
     */
    static RestartMarker take(Path file) {
        try {
            if (!Files.exists(file)) return null;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            return parse(text);
        } catch (IOException e) {
            return null;
        }
    }
}
