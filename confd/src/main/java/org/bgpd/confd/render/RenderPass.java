package org.bgpd.confd.render;

import java.util.List;

/** Immutable; safe to share. The outcomes of rendering every template resource for one key snapshot. */
public record RenderPass(long revision, List<Outcome> outcomes) {

    public RenderPass {
        outcomes = List.copyOf(outcomes);
    }

    public boolean changed() {
        return outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.CHANGED);
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.FAILED);
    }
}
