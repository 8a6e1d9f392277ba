package org.bgpd.confd.render;

/** Immutable; safe to share. What one render of one template resource did. */
public record Outcome(String resource, Kind kind, String message) {

    public enum Kind {
        /** The rendered text equals the destination: nothing written, nothing reloaded. */
        UNCHANGED,
        /** The destination was replaced and the consumer reloaded. */
        CHANGED,
        /** Rendering, the check, the write or the reload failed; {@code message} says which and why. */
        FAILED
    }

    static Outcome unchanged(String resource) {
        return new Outcome(resource, Kind.UNCHANGED, "");
    }
}
