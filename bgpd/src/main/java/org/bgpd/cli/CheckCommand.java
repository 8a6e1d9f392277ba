package org.bgpd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bgpd check --config FILE}: validates a configuration file without running anything. */
@Command(name = "check", description = "Validate a configuration file; print file:line:column errors and exit 1 if any.")
public final class CheckCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "the YAML configuration file")
    Path config;

    @Override
    public Integer call() {
        LoadResult r = ConfigLoader.load(config);
        if (r instanceof LoadResult.Failed f) {
            for (ConfigError e : f.errors()) System.err.println(e);
            System.err.println(f.errors().size() + (f.errors().size() == 1 ? " error" : " errors"));
            return 1;
        }
        System.out.println(config + ": configuration OK");
        return 0;
    }
}
