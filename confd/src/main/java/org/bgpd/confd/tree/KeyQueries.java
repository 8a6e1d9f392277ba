package org.bgpd.confd.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Stateless; safe to share. confd's store queries over a {@link KeySnapshot}: children of a
 * directory, glob matches, and the subset of keys under watched prefixes. Paths are '/'-separated
 * like etcd keys; a trailing '/' on a directory argument is ignored.
 */
public final class KeyQueries {

    private KeyQueries() {
    }

    /** Names of the direct children of {@code dir}, leaves and directories alike, sorted (confd {@code ls}). */
    public static List<String> ls(KeySnapshot snapshot, String dir) {
        return children(snapshot, dir, false);
    }

    /** Names of the direct children of {@code dir} that have children themselves (confd {@code lsdir}). */
    public static List<String> lsdir(KeySnapshot snapshot, String dir) {
        return children(snapshot, dir, true);
    }

    public static boolean exists(KeySnapshot snapshot, String key) {
        return snapshot.keys().containsKey(clean(key));
    }

    /**
     * Keys matching a glob where {@code *} matches within one path segment and {@code ?} one
     * character (Go's path.Match, which confd's {@code gets} uses), in key order.
     */
    public static SortedMap<String, String> glob(KeySnapshot snapshot, String pattern) {
        Pattern regex = globRegex(clean(pattern));
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : snapshot.keys().entrySet()) {
            if (regex.matcher(e.getKey()).matches()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The keys at or below any of {@code prefixes} (what a template resource watches). */
    public static SortedMap<String, String> under(KeySnapshot snapshot, List<String> prefixes) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String p : prefixes) {
            String prefix = clean(p);
            for (Map.Entry<String, String> e : snapshot.keys().tailMap(prefix).entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    break;
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static List<String> children(KeySnapshot snapshot, String dir, boolean dirsOnly) {
        String prefix = clean(dir);
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String key : snapshot.keys().tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (rest.isEmpty() || (dirsOnly && slash < 0)) {
                continue;
            }
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return new ArrayList<>(names);
    }

    private static String clean(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.startsWith("/") ? p : "/" + p;
    }

    private static Pattern globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
