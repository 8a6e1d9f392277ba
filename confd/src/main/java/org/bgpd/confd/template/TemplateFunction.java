package org.bgpd.confd.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Immutable; safe to share. Adapts one entry of the {@link ConfdFunctions} table to Pebble: the
 * arguments arrive in declaration order (missing optional ones as null) together with the render's
 * {@link RenderScope}, and any failure becomes a template error naming the function and line.
 */
record TemplateFunction(String name, List<String> argumentNames, int required, Body body) implements Function {

    @FunctionalInterface
    interface Body {
        Object apply(Args args, RenderScope scope);
    }

    /** Positional arguments; {@link #string} and {@link #list} check types with a clear message. */
    record Args(String function, List<Object> values) {

        Object get(int i) {
            return values.get(i);
        }

        boolean has(int i) {
            return values.get(i) != null;
        }

        String string(int i) {
            Object v = values.get(i);
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            throw new IllegalArgumentException(function + ": argument " + (i + 1) + " must be a string, got "
                    + (v == null ? "nothing" : v.getClass().getSimpleName()));
        }

        List<?> list(int i) {
            if (values.get(i) instanceof List<?> l) {
                return l;
            }
            throw new IllegalArgumentException(function + ": argument " + (i + 1) + " must be a list");
        }
    }

    @Override
    public List<String> getArgumentNames() {
        return argumentNames;
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
        List<Object> values = new ArrayList<>(argumentNames.size());
        for (int i = 0; i < argumentNames.size(); i++) {
            Object v = args.get(argumentNames.get(i));
            if (v == null && i < required) {
                throw new PebbleException(null, name + ": missing argument '" + argumentNames.get(i) + "'",
                        lineNumber, self.getName());
            }
            values.add(v);
        }
        try {
            return body.apply(new Args(name, values), RenderScope.of(context));
        } catch (RuntimeException e) {
            if (e instanceof PebbleException) {
                throw e;
            }
            throw new PebbleException(e, name + ": " + e.getMessage(), lineNumber, self.getName());
        }
    }
}
