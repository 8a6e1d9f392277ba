package org.bgpd.config.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: {@code golden/X.yaml} loads and prints as {@code X.ok}, or fails with exactly the
 * lines in {@code X.err}. Run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class ConfigGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(inputs::add);
        }
        assertFalse(inputs.isEmpty(), "no golden files in " + DIR.toAbsolutePath());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    @TestFactory
    Stream<DynamicTest> printedFormReloadsToEqualRecords() throws IOException {
        List<Path> oks = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            s.filter(p -> p.toString().endsWith(".ok")).sorted().forEach(oks::add);
        }
        return oks.stream().map(ok -> DynamicTest.dynamicTest(ok.getFileName().toString(), () -> {
            String name = ok.getFileName().toString().replace(".ok", ".yaml");
            LoadResult original = ConfigLoader.parse(Files.readString(DIR.resolve(name)), name);
            LoadResult reloaded = ConfigLoader.parse(Files.readString(ok), ok.getFileName().toString());
            LoadResult.Loaded a = assertInstanceOf(LoadResult.Loaded.class, original);
            LoadResult.Loaded b = assertInstanceOf(LoadResult.Loaded.class, reloaded, () -> reloaded.toString());
            assertEquals(a.config(), b.config());
            assertEquals(Files.readString(ok), ConfigPrinter.print(b.config()), "printing is not idempotent");
        }));
    }

    private static void check(Path input) throws IOException {
        String fileName = input.getFileName().toString();
        String base = fileName.substring(0, fileName.length() - ".yaml".length());
        Path ok = DIR.resolve(base + ".ok");
        Path err = DIR.resolve(base + ".err");
        LoadResult result = ConfigLoader.parse(Files.readString(input, StandardCharsets.UTF_8), fileName);
        String actual;
        Path expected;
        Path other;
        switch (result) {
            case LoadResult.Loaded l -> {
                actual = ConfigPrinter.print(l.config());
                expected = ok;
                other = err;
            }
            case LoadResult.Failed f -> {
                StringBuilder sb = new StringBuilder();
                for (ConfigError e : f.errors()) {
                    sb.append(e).append('\n');
                }
                actual = sb.toString();
                expected = err;
                other = ok;
            }
        }
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            Files.deleteIfExists(other);
            return;
        }
        assertFalse(Files.exists(other), fileName + ": expected " + other.getFileName() + " but got:\n" + actual);
        assertTrue(Files.exists(expected), fileName + ": missing " + expected.getFileName() + " (run with -Dgolden.update=true); got:\n" + actual);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, fileName);
    }
}
