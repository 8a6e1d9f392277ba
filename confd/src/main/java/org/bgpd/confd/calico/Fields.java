package org.bgpd.confd.calico;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed reads from a parsed resource ({@code Map} trees from JSON or YAML). Scalars are read as
 * strings whatever their YAML type, so a label {@code route-reflector: yes} (a YAML 1.1 boolean)
 * reads as {@code "true"}, as Calico sees it after its YAML-to-JSON step.
 * Stateless; safe to share.
 */
final class Fields {

    private Fields() {}

    static Object at(Map<String, Object> root, String... path) {
        Object cur = root;
        for (String p : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(p);
        }
        return cur;
    }

    /** The scalar at {@code path} as a string, or "" when absent or not a scalar. */
    static String string(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? "" : scalar(v);
    }

    static boolean present(Map<String, Object> root, String... path) {
        return at(root, path) != null;
    }

    static boolean bool(Map<String, Object> root, String... path) {
        return "true".equals(string(root, path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> root, String... path) {
        return at(root, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> root, String... path) {
        return at(root, path) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A string map such as metadata.labels, scalars stringified. */
    static Map<String, String> strings(Map<String, Object> root, String... path) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : object(root, path).entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), scalar(e.getValue()));
            }
        }
        return out;
    }

    static List<String> stringList(Map<String, Object> root, String... path) {
        List<String> out = new ArrayList<>();
        for (Object o : list(root, path)) {
            if (o != null) {
                out.add(scalar(o));
            }
        }
        return out;
    }

    static String scalar(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
