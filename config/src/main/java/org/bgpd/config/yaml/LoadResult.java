package org.bgpd.config.yaml;

import java.util.List;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.model.DaemonConfig;

/** Immutable; safe to share. Either a valid configuration or every error found, in file order. */
public sealed interface LoadResult {

    record Loaded(DaemonConfig config) implements LoadResult {
    }

    record Failed(List<ConfigError> errors) implements LoadResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
