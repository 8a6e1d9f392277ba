package org.bgpd.config.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.DaemonConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Stateless; safe to share. Reads one YAML file into a {@link DaemonConfig}, or every error in it.
 * Uses SnakeYAML's node tree only (no bean binding), so every error carries file:line:column.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static LoadResult load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return failed(file.toString(), "file is not valid UTF-8");
        } catch (IOException e) {
            return failed(file.toString(), "cannot read file: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses {@code text} as if read from {@code fileName} (used in error positions only). */
    public static LoadResult parse(String text, String fileName) {
        Diagnostics diag = new Diagnostics(fileName);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            diag.error(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), yamlMessage(e));
            return new LoadResult.Failed(diag.errors());
        } catch (YAMLException e) {
            return failed(fileName, "YAML error: " + e.getMessage());
        }
        if (root == null) {
            return failed(fileName, "the file is empty (router-id and local-as are required)");
        }
        DaemonConfig config = new DaemonMapper(diag).read(root);
        if (config == null || diag.hasErrors()) {
            return new LoadResult.Failed(diag.errors());
        }
        return new LoadResult.Loaded(config);
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String msg = (context.isEmpty() ? problem : context + ": " + problem).replace('\n', ' ').trim();
        return "YAML syntax error: " + msg;
    }

    private static LoadResult failed(String file, String message) {
        return new LoadResult.Failed(List.of(new ConfigError(file, 1, 1, message)));
    }
}
