package org.bgpd.confd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bgpd.confd.file.FileKeySource;
import org.bgpd.confd.render.Outcome;
import org.bgpd.confd.render.RenderPass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Confd#embedded}: one resource, redirected to the daemon's file, finished, checked and reloaded in-process. */
class EmbeddedRenderTest {

    @TempDir
    Path dir;

    private Path confdir() throws IOException {
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.writeString(confdir.resolve("conf.d/own.yaml"), "src: own.peb\ndest: /nonexistent/x\nkeys: [/k]\nreload: \"false\"\n");
        Files.writeString(confdir.resolve("conf.d/other.yaml"), "src: own.peb\ndest: " + dir.resolve("other") + "\nkeys: [/k]\n");
        Files.writeString(confdir.resolve("templates/own.peb"), "value: {{ getv(\"/k/v\") }} # end\n");
        return confdir;
    }

    private Confd.Options options(Path confdir) {
        return new Confd.Options(confdir, "n1", Map.of(), Duration.ofMillis(10), true, Path.of("/etc/hosts"));
    }

    @Test
    void rendersOnlyTheChosenResourceToTheGivenFileThroughTheGivenCalls() throws Exception {
        Path keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "/k: {v: one}\n");
        Path dest = dir.resolve("daemon.yaml");
        List<String> checked = new ArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        Embedding e = new Embedding("own.yaml", dest, text -> text + "tail: true\n",
                staged -> {
                    try {
                        checked.add(Files.readString(staged));
                    } catch (IOException x) {
                        return x.toString();
                    }
                    return checked.getLast().contains("bad") ? "refused: bad" : null;
                },
                () -> {
                    reloads.incrementAndGet();
                    return null;
                });
        try (Confd confd = Confd.embedded(options(confdir()), new FileKeySource(keys, Duration.ofMillis(10)), e)) {
            RenderPass pass = confd.onetime();
            assertEquals(1, pass.outcomes().size(), "only own.yaml");
            assertEquals(Outcome.Kind.CHANGED, pass.outcomes().get(0).kind());
            assertEquals("value: one # end\ntail: true\n", Files.readString(dest));
            assertEquals(List.of("value: one # end\ntail: true\n"), checked);
            assertEquals(1, reloads.get());
            assertFalse(Files.exists(dir.resolve("other")));
        }
        Files.writeString(keys, "/k: {v: bad}\n");
        try (Confd confd = Confd.embedded(options(confdir()), new FileKeySource(keys, Duration.ofMillis(10)), e)) {
            RenderPass pass = confd.onetime();
            assertTrue(pass.failed());
            assertTrue(pass.outcomes().get(0).message().contains("refused: bad"), pass.outcomes().get(0).message());
            assertEquals("value: one # end\ntail: true\n", Files.readString(dest));
            assertEquals(1, reloads.get());
            assertTrue(confd.status().lastError().contains("refused: bad"));
        }
    }

    @Test
    void anUnknownResourceIsAnError() throws Exception {
        Path keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "/k: {v: one}\n");
        Embedding e = new Embedding("missing.yaml", dir.resolve("d.yaml"), t -> t, p -> null, () -> null);
        IOException x = assertThrows(IOException.class,
                () -> Confd.embedded(options(confdir()), new FileKeySource(keys, Duration.ofMillis(10)), e));
        assertTrue(x.getMessage().contains("missing.yaml"), x.getMessage());
    }
}
