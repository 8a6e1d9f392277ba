package org.bgpd.confd.render;

import java.time.Duration;

/** Runs a task later on one thread, in submission order; tests substitute one they step by hand. */
public interface Scheduler {

    void schedule(Runnable task, Duration delay);
}
