package org.bgpd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.bgpd.config.model.LogLevel;
import org.slf4j.LoggerFactory;

/** Sets the root logger's level from the configuration, at start and on reload. Thread-safe (Logback's). */
public final class LogLevels {
    private LogLevels() {}

    public static void apply(LogLevel level) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name(), Level.INFO));
    }
}
