package org.bgpd.confd.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.confd.tree.KeyQueries;

/**
 * Immutable; safe to share. The functions templates may call: confd's (getv, gets, getvs, ls,
 * lsdir, exists, json, jsonArray, base, dir, split, join, replace, lookupIP, getenv; confd's
 * contains is Pebble's own {@code contains} operator, whose name a function may not take) and
 * the few Calico needs (protocolName, greater, prefixLength, quote, hashToIPv4). One table, one line of
 * contract per function; the bodies are the small static methods below it.
 */
public final class ConfdFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TemplateFunction> table = new LinkedHashMap<>();

    public ConfdFunctions(Path hostsFile) {
        // name, argument names, how many are required, body
        add("getv", List.of("key", "default"), 1, ConfdFunctions::getv);
        add("gets", List.of("pattern"), 1, (a, s) -> keyValues(s, a.string(0)));
        add("getvs", List.of("pattern"), 1, (a, s) -> new ArrayList<>(KeyQueries.glob(s.keys(), a.string(0)).values()));
        add("ls", List.of("dir"), 1, (a, s) -> KeyQueries.ls(s.keys(), a.string(0)));
        add("lsdir", List.of("dir"), 1, (a, s) -> KeyQueries.lsdir(s.keys(), a.string(0)));
        add("exists", List.of("key"), 1, (a, s) -> KeyQueries.exists(s.keys(), a.string(0)));
        add("json", List.of("text"), 1, (a, s) -> parseJson(a.string(0), Map.class, "an object"));
        add("jsonArray", List.of("text"), 1, (a, s) -> parseJson(a.string(0), List.class, "an array"));
        add("base", List.of("path"), 1, (a, s) -> Paths.base(a.string(0)));
        add("dir", List.of("path"), 1, (a, s) -> Paths.dir(a.string(0)));
        add("split", List.of("text", "separator"), 2, (a, s) -> split(a.string(0), a.string(1)));
        add("join", List.of("items", "separator"), 2, (a, s) -> join(a.list(0), a.string(1)));
        add("replace", List.of("text", "old", "new"), 3, (a, s) -> a.string(0).replace(a.string(1), a.string(2)));
        add("lookupIP", List.of("name"), 1, (a, s) -> IpLookup.lookup(a.string(0), hostsFile));
        add("getenv", List.of("name", "default"), 1,
                (a, s) -> s.env().getOrDefault(a.string(0), a.has(1) ? a.string(1) : ""));
        add("protocolName", List.of("prefix", "keyName"), 2, (a, s) -> protocolName(a.string(0), a.string(1)));
        add("greater", List.of("a", "b"), 2, (a, s) -> a.string(0).compareTo(a.string(1)) > 0);
        add("prefixLength", List.of("cidr"), 1, (a, s) -> prefixLength(a.string(0)));
        add("quote", List.of("text"), 1, (a, s) -> quote(a.string(0)));
        add("hashToIPv4", List.of("text"), 1, (a, s) -> hashToIPv4(a.string(0)));
    }

    public Map<String, io.pebbletemplates.pebble.extension.Function> asPebble() {
        return Map.copyOf(table);
    }

    private void add(String name, List<String> args, int required, TemplateFunction.Body body) {
        table.put(name, new TemplateFunction(name, args, required, body));
    }

    private static String getv(TemplateFunction.Args a, RenderScope s) {
        String v = s.keys().get(a.string(0));
        if (v != null) {
            return v;
        }
        if (a.has(1)) {
            return a.string(1);
        }
        throw new IllegalArgumentException("key does not exist: " + a.string(0));
    }

    private static List<Map<String, String>> keyValues(RenderScope s, String pattern) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : KeyQueries.glob(s.keys(), pattern).entrySet()) {
            out.add(Map.of("key", e.getKey(), "value", e.getValue()));
        }
        return out;
    }

    private static Object parseJson(String text, Class<?> type, String what) {
        Object v;
        try {
            v = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("JSON is not " + what + ": " + text);
        }
        return v;
    }

    /** Go's strings.Split: a literal separator, empty fields kept. */
    static List<String> split(String text, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, from)) {
            out.add(text.substring(from, at));
            from = at + sep.length();
        }
        out.add(text.substring(from));
        return out;
    }

    private static String join(List<?> items, String sep) {
        StringBuilder b = new StringBuilder();
        for (Object item : items) {
            b.append(b.isEmpty() ? "" : sep).append(item);
        }
        return b.toString();
    }

    /**
     * Calico's BIRD protocol names, which {@code calicoctl node status} parses back: the prefix,
     * then the peer key's last segment with '.' and ':' as '_' and a port suffix {@code -179}
     * as {@code _port_179}.
     */
    static String protocolName(String prefix, String keyName) {
        return prefix + keyName.replace('.', '_').replace(':', '_').replace("-", "_port_");
    }

    private static int prefixLength(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix: " + cidr);
        }
        return Integer.parseInt(cidr.substring(slash + 1));
    }

    /**
     * Calico's {@code CALICO_ROUTER_ID=hash}: a router id from the node name, for nodes without
     * an IPv4 address; the first four bytes of the name's SHA-256, as a dotted quad.
     */
    static String hashToIPv4(String text) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return (h[0] & 0xFF) + "." + (h[1] & 0xFF) + "." + (h[2] & 0xFF) + "." + (h[3] & 0xFF);
    }

    /** A double-quoted scalar: JSON string syntax, which YAML reads the same way. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
