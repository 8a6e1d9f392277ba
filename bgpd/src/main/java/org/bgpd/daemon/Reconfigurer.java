package org.bgpd.daemon;

import java.nio.file.Path;
import org.bgpd.control.ConfigureResult;

/**
 * Re-reads the configuration: what {@code configure [check] ["file"]} on the control socket (and
 * SIGHUP) calls. Implementations are thread-safe: control clients call from their own threads.
 */
public interface Reconfigurer {

    /**
     * @param checkOnly validate and report, change nothing ({@code configure check})
     * @param file the file to read, or null for the one the daemon was started with
     */
    ConfigureResult configure(boolean checkOnly, Path file);
}
