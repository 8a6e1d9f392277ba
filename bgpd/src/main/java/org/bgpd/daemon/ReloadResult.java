package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.check.ConfigError;
import org.bgpd.config.diff.ConfigDiff;
import org.bgpd.config.diff.PeerChange;

/**
 * What {@code configure [check]} or SIGHUP did. {@code errors} are the file's validation errors
 * (file:line:column) or the reasons a valid file could not be applied; {@code diff} and
 * {@code steps} are null/empty when the file was refused; {@code done} says, per peer, what was
 * actually done where that depended on the running session (route refresh or reset).
 * Immutable; safe to share.
 */
public record ReloadResult(Outcome outcome, String file, List<ConfigError> errors, ConfigDiff diff,
                           List<ReloadStep> steps, List<String> done) {

    public enum Outcome {
        /** Check only: the file is valid; {@code steps} is what a reload would do. */
        CHECKED,
        /** Applied; stops that wait for new peers (make-before-break) may still be pending. */
        APPLIED,
        /** The file equals the running configuration. */
        UNCHANGED,
        /** The file is invalid, unreadable, or asks for a change that needs a restart; nothing changed. */
        FAILED
    }

    public ReloadResult {
        errors = List.copyOf(errors);
        steps = List.copyOf(steps);
        done = List.copyOf(done);
    }

    static ReloadResult failed(String file, List<ConfigError> errors) {
        return new ReloadResult(Outcome.FAILED, file, errors, null, List.of(), List.of());
    }

    public boolean ok() { return outcome != Outcome.FAILED; }

    /** Per configured peer and dynamic-peers entry, the actions the diff gave it. */
    public List<PeerChange> peerChanges() {
        if (diff == null) return List.of();
        List<PeerChange> out = new ArrayList<>(diff.peers());
        out.addAll(diff.dynamicPeers());
        return out;
    }

    /** The first error, and how many more: the control protocol's 8002 reply is one line. */
    public String summary() {
        String first = errors.isEmpty() ? "invalid configuration" : errors.get(0).toString();
        return errors.size() > 1 ? first + " (and " + (errors.size() - 1) + " more)" : first;
    }

    /** The errors one per line, as {@code bgpd check} prints them. */
    public String errorText() {
        StringBuilder b = new StringBuilder();
        for (ConfigError e : errors) {
            if (!b.isEmpty()) b.append('\n');
            b.append(e);
        }
        return b.toString();
    }
}
