package org.bgpd.control;

/**
 * Renders {@code show status} (BIRD's cmd_show_status and graceful_restart_show_status).
 * Stateless; safe to share.
 */
final class StatusReply {
    private StatusReply() {}

    static void render(ReplyWriter w, Dialect d, BirdTime time, StatusInfo s) {
        w.line(1000, "BIRD " + d.version());
        w.line(1011, "Router ID is " + s.routerId());
        if (d == Dialect.BIRD2) w.line(1011, "Hostname is " + s.hostname());
        w.line(1011, "Current server time is " + time.full(s.serverTime()));
        w.line(1011, "Last reboot on " + time.full(s.lastReboot()));
        w.line(1011, "Last reconfiguration on " + time.full(s.lastReconfiguration()));
        StatusInfo.GrRecovery gr = s.grRecovery();
        if (gr != null) {
            TimerInfo wait = new TimerInfo(gr.remainingMillis(), gr.waitSeconds());
            w.line(24, "Graceful restart recovery in progress");
            if (d == Dialect.BIRD2) {
                w.line(24, "  Waiting for " + gr.waiting() + " channels to recover");
                w.line(24, "  Wait timer is " + wait.bird2());
            } else {
                w.line(24, "  Waiting for " + gr.waiting() + " protocols to recover");
                w.line(24, "  Wait timer is " + wait.bird1());
            }
        }
        w.last(13, switch (s.phase()) {
            case RUNNING -> "Daemon is up and running";
            case RECONFIGURING -> "Reconfiguration in progress";
            case SHUTTING_DOWN -> "Shutdown in progress";
        });
    }
}
