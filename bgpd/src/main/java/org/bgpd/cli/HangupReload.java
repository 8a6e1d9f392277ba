package org.bgpd.cli;

import org.bgpd.daemon.Daemon;
import org.bgpd.daemon.ReloadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP reloads the configuration file, as it does for BIRD and most daemons. The JDK runs the
 * handler on a thread of its own; {@link Daemon#reload} is safe from any thread. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only signal hook.
 */
final class HangupReload {
    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);

    private HangupReload() {}

    static void install(Daemon daemon) {
        Signal.handle(new Signal("HUP"), signal -> reload(daemon));
    }

    static void reload(Daemon daemon) {
        LOG.info("SIGHUP: reloading {}", daemon.configPath());
        ReloadResult r = daemon.reload(daemon.configPath());
        switch (r.outcome()) {
            case FAILED -> LOG.error("reload refused, running configuration kept:\n{}", r.errorText());
            case UNCHANGED -> LOG.info("reload: configuration unchanged");
            default -> LOG.info("reload applied: {} {}", r.peerChanges(), r.done());
        }
    }
}
