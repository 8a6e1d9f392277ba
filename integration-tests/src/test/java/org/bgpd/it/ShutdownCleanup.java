package org.bgpd.it;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Thread-safe. Undo actions (kill a child process, delete a namespace, remove an address) that
 * must run even when a test fails or the JVM exits without reaching {@code close()}: one JVM
 * shutdown hook runs whatever is still registered, newest first, so processes die before the
 * namespace they run in is deleted.
 */
public final class ShutdownCleanup {

    /** A registered undo action; {@link #run()} runs it once and unregisters it. */
    public static final class Registration {
        private final String what;
        private final Runnable action;
        private boolean done;

        private Registration(String what, Runnable action) {
            this.what = what;
            this.action = action;
        }

        public void run() {
            synchronized (PENDING) {
                if (done) {
                    return;
                }
                done = true;
                PENDING.remove(this);
            }
            action.run();
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private static final Deque<Registration> PENDING = new ArrayDeque<>();
    private static boolean hookInstalled;

    private ShutdownCleanup() {}

    public static Registration register(String what, Runnable action) {
        Registration r = new Registration(what, action);
        synchronized (PENDING) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::runAll, "it-cleanup"));
                hookInstalled = true;
            }
            PENDING.push(r);
        }
        return r;
    }

    private static void runAll() {
        while (true) {
            Registration next;
            synchronized (PENDING) {
                next = PENDING.peek();
            }
            if (next == null) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + next + " failed: " + e);
            }
        }
    }
}
