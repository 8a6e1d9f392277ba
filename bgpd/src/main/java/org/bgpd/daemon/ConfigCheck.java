package org.bgpd.daemon;

import java.nio.file.Path;
import java.util.List;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.ConfigureResult;

/**
 * Validates a configuration file for {@code configure [check]}: the loaded configuration, or a
 * FAILED result naming the first error at file:line:column (the control protocol's 8002 reply is
 * one line). Stateless; safe from any thread.
 */
final class ConfigCheck {
    private ConfigCheck() {}

    /** The outcome of reading {@code file}; {@code config} is set only when it is valid. */
    record Checked(ConfigureResult result, DaemonConfig config) {}

    static Checked check(Path file, boolean checkOnly) {
        LoadResult r = ConfigLoader.load(file);
        String name = file.toString();
        if (r instanceof LoadResult.Failed f) {
            return new Checked(new ConfigureResult(ConfigureResult.Outcome.FAILED, name, describe(f.errors())), null);
        }
        DaemonConfig cfg = ((LoadResult.Loaded) r).config();
        ConfigureResult.Outcome ok = checkOnly ? ConfigureResult.Outcome.CONFIG_OK : ConfigureResult.Outcome.RECONFIGURED;
        return new Checked(new ConfigureResult(ok, name, null), cfg);
    }

    static String describe(List<ConfigError> errors) {
        String first = errors.isEmpty() ? "invalid configuration" : errors.get(0).toString();
        return errors.size() > 1 ? first + " (and " + (errors.size() - 1) + " more)" : first;
    }
}
