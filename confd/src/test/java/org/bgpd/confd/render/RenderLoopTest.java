package org.bgpd.confd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgpd.confd.resource.ResourceLoader;
import org.bgpd.confd.resource.TemplateResource;
import org.bgpd.confd.template.TemplateEngine;
import org.bgpd.confd.tree.KeySnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderLoopTest {

    @TempDir
    Path dir;

    private Path dest;
    private Path reloads;
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        dest = dir.resolve("out/app.conf");
        reloads = dir.resolve("reloads");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/app.peb"), "value={{ getv('/app/n1/value') }};\n");
    }

    private RenderLoop loop(String check) throws Exception {
        TemplateResource r = ResourceLoader.parse("""
                src: app.peb
                dest: %s
                keys: [/app//NODENAME]
                mode: "0640"
                check: %s
                reload: echo reloaded >> %s
                """.formatted(dest, check, reloads), "app.yaml", "n1");
        return new RenderLoop(List.of(r), new TemplateEngine(dir.resolve("templates"), dir.resolve("hosts")),
                new ResourceWriter(true), "n1", Map.of(), (task, delay) -> scheduled.add(task), Duration.ofMillis(500), clock, "test");
    }

    private static KeySnapshot keys(long rev, String... kv) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new KeySnapshot(rev, m);
    }

    private int reloadCount() throws Exception {
        return Files.exists(reloads) ? Files.readAllLines(reloads).size() : 0;
    }

    @Test
    void unchangedOutputWritesAndReloadsNothing() throws Exception {
        RenderLoop loop = loop("'true'");
        assertTrue(loop.renderNow(keys(1, "/app/n1/value", "a")).changed());
        assertEquals("value=a;\n", Files.readString(dest));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dest)));
        assertEquals(1, reloadCount());

        Files.setLastModifiedTime(dest, java.nio.file.attribute.FileTime.fromMillis(0));
        RenderPass unwatched = loop.renderNow(keys(2, "/app/n1/value", "a", "/other/key", "x"));
        RenderPass same = loop.renderNow(keys(3, "/app/n1/value", "a", "/app/n2/value", "b"));
        assertFalse(unwatched.changed() || unwatched.failed());
        assertFalse(same.changed() || same.failed());
        assertEquals(0, Files.getLastModifiedTime(dest).toMillis());
        assertEquals(1, reloadCount());
        assertEquals(3, loop.status().revision());
        assertEquals(clock.instant(), loop.status().lastRender());
    }

    @Test
    void failedCheckKeepsTheOldFileAndReportsTheCheckerOutput() throws Exception {
        RenderLoop loop = loop("\"grep -q 'value=good' {{src}} || { echo checker says no; exit 3; }\"");
        assertTrue(loop.renderNow(keys(1, "/app/n1/value", "good")).changed());

        RenderPass bad = loop.renderNow(keys(2, "/app/n1/value", "bad"));
        assertTrue(bad.failed());
        assertTrue(bad.outcomes().get(0).message().contains("checker says no"), bad.outcomes().get(0).message());
        assertEquals("value=good;\n", Files.readString(dest));
        assertEquals(1, reloadCount());
        assertTrue(loop.status().lastError().contains("checker says no"));
        try (var files = Files.list(dest.getParent())) {
            assertEquals(1, files.count(), "no staged file left behind");
        }

        assertTrue(loop.renderNow(keys(3, "/app/n1/value", "good2")).changed());
        assertNull(loop.status().lastError());
    }

    @Test
    void aBurstOfChangesIsOneRenderOfTheLatestKeys() throws Exception {
        RenderLoop loop = loop("none");
        for (int i = 1; i <= 5; i++) {
            loop.changed(keys(i, "/app/n1/value", "v" + i));
        }
        assertEquals(1, scheduled.size());
        scheduled.remove(0).run();
        assertEquals("value=v5;\n", Files.readString(dest));
        assertEquals(1, reloadCount());
        assertEquals(5, loop.status().revision());

        loop.changed(keys(6, "/app/n1/value", "v6"));
        assertEquals(1, scheduled.size(), "the next change schedules a new render");
    }

    @Test
    void bgpdCheckIsTheDefaultAndRejectsAnInvalidConfig() throws Exception {
        Files.writeString(dir.resolve("templates/app.peb"), "router-id: {{ getv('/app/n1/value') }}  # id\nlocal-as: 64512\n");
        TemplateResource r = ResourceLoader.parse("src: app.peb\ndest: " + dest + "\nkeys: [/app]\nreload: none\n", "bgpd.yaml", "n1");
        assertTrue(r.check() instanceof TemplateResource.Check.BgpdConfig);
        RenderLoop loop = new RenderLoop(List.of(r), new TemplateEngine(dir.resolve("templates"), dir.resolve("hosts")),
                new ResourceWriter(true), "n1", Map.of(), (t, d) -> t.run(), Duration.ZERO, clock, "test");
        RenderPass first = loop.renderNow(keys(1, "/app/n1/value", "10.0.0.1"));
        assertTrue(first.changed(), first.toString());
        RenderPass bad = loop.renderNow(keys(2, "/app/n1/value", "not-an-address"));
        assertTrue(bad.failed());
        assertTrue(bad.outcomes().get(0).message().contains(":1:"), bad.outcomes().get(0).message());
        assertEquals("router-id: 10.0.0.1  # id\nlocal-as: 64512\n", Files.readString(dest));
    }

    @Test
    void aFailedReloadIsRetriedOnTheNextRender() throws Exception {
        Path flag = dir.resolve("consumer-up");
        TemplateResource r = ResourceLoader.parse("src: app.peb\ndest: " + dest + "\nkeys: [/app]\ncheck: none\n"
                + "reload: test -e " + flag + " && echo reloaded >> " + reloads + "\n", "app.yaml", "n1");
        RenderLoop loop = new RenderLoop(List.of(r), new TemplateEngine(dir.resolve("templates"), dir.resolve("hosts")),
                new ResourceWriter(true), "n1", Map.of(), (t, d) -> t.run(), Duration.ZERO, clock, "test");
        assertTrue(loop.renderNow(keys(1, "/app/n1/value", "a")).failed());
        assertEquals("value=a;\n", Files.readString(dest));
        Files.writeString(flag, "");
        assertTrue(loop.renderNow(keys(2, "/app/n1/value", "a")).changed());
        assertEquals(1, reloadCount());
    }
}
