package org.bgpd.confd.template;

import io.pebbletemplates.pebble.template.EvaluationContext;
import java.util.Map;
import org.bgpd.confd.tree.KeySnapshot;

/**
 * Immutable; safe to share. What one render may see besides its arguments: the key snapshot, the
 * node name, and the environment variables the renderer chose to expose (templates never read the
 * process environment directly, so a render depends only on its inputs).
 */
public record RenderScope(KeySnapshot keys, String node, Map<String, String> env) {

    /** The context variable the scope travels in; templates cannot call methods on it. */
    static final String VARIABLE = "_confd";

    public RenderScope {
        env = Map.copyOf(env);
    }

    static RenderScope of(EvaluationContext context) {
        if (context.getVariable(VARIABLE) instanceof RenderScope s) {
            return s;
        }
        throw new IllegalStateException("template rendered without a key scope");
    }
}
