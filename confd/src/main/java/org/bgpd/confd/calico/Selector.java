package org.bgpd.confd.calico;

import java.util.Map;
import java.util.Set;

/**
 * A parsed Calico label selector (the subset BGPPeer node and peer selectors use in practice).
 * A selector that failed to parse is {@link Invalid} and matches nothing, as Calico skips
 * peerings whose selector does not parse.
 * Immutable; safe to share.
 */
public sealed interface Selector {

    boolean matches(Map<String, String> labels);

    static Selector parse(String text) {
        return SelectorParser.parse(text);
    }

    record All() implements Selector {
        public boolean matches(Map<String, String> labels) {
            return true;
        }
    }

    record Has(String key) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }
    }

    record Equals(String key, String value) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(key));
        }
    }

    /** True also when the label is absent, as in Calico. */
    record NotEquals(String key, String value) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(key));
        }
    }

    record In(String key, Set<String> values) implements Selector {
        public In {
            values = Set.copyOf(values);
        }

        public boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return v != null && values.contains(v);
        }
    }

    record NotIn(String key, Set<String> values) implements Selector {
        public NotIn {
            values = Set.copyOf(values);
        }

        public boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return v == null || !values.contains(v);
        }
    }

    record Not(Selector inner) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return !inner.matches(labels);
        }
    }

    record And(Selector left, Selector right) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return left.matches(labels) && right.matches(labels);
        }
    }

    record Or(Selector left, Selector right) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return left.matches(labels) || right.matches(labels);
        }
    }

    record Invalid(String text, String error) implements Selector {
        public boolean matches(Map<String, String> labels) {
            return false;
        }
    }
}
