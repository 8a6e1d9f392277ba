package org.bgpd.confd.file;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import org.bgpd.confd.calico.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Stateless; safe to share. Reads a YAML document of keys into a flat key → value map. A mapping
 * key is a path segment or a whole path ({@code /calico/bgp/v1/global/as_num: "64512"}); nested
 * mappings join their keys with '/'. Scalars keep their source text, so YAML 1.1 spellings such
 * as {@code yes} or {@code 0644} reach templates unchanged, as etcd strings would. A sequence is
 * stored as a JSON array, the form Calico uses for list values such as prefix advertisements.
 */
public final class KeyFileParser {

    private KeyFileParser() {
    }

    public static Map<String, String> parse(String text, String fileName) throws IOException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new IOException(fileName + ": " + e.getMessage().replace('\n', ' '), e);
        }
        Map<String, String> keys = new TreeMap<>();
        if (root == null) {
            return keys;
        }
        if (!(root instanceof MappingNode m)) {
            throw new IOException(fileName + ": the top level must be a mapping of keys");
        }
        flatten(m, "", keys, fileName);
        return keys;
    }

    private static void flatten(MappingNode map, String parent, Map<String, String> out, String fileName)
            throws IOException {
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new IOException(position(fileName, t.getKeyNode()) + "keys must be scalars");
            }
            String path = join(parent, k.getValue());
            Node v = t.getValueNode();
            if (v instanceof MappingNode nested) {
                flatten(nested, path, out, fileName);
            } else if (out.putIfAbsent(path, valueOf(v, fileName)) != null) {
                throw new IOException(position(fileName, k) + "duplicate key " + path);
            }
        }
    }

    private static String valueOf(Node v, String fileName) throws IOException {
        if (v instanceof ScalarNode s) {
            return s.getValue();
        }
        if (v instanceof SequenceNode seq) {
            StringBuilder json = new StringBuilder("[");
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw new IOException(position(fileName, item) + "list items must be scalars");
                }
                json.append(json.length() > 1 ? "," : "").append(Json.write(s.getValue()));
            }
            return json.append(']').toString();
        }
        throw new IOException(position(fileName, v) + "unsupported value");
    }

    private static String join(String parent, String segment) {
        String path = parent + "/" + segment;
        return path.replaceAll("/{2,}", "/").replaceAll("(?<=.)/$", "");
    }

    private static String position(String fileName, Node n) {
        return fileName + ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1) + ": ";
    }
}
