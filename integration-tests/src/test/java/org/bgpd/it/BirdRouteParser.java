package org.bgpd.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stateless. Parses the text of {@code show route [all]} (codes already stripped, see
 * {@link BirdReply#textLines()}). BIRD 2 layout: {@code Table master4:} headings; a route line
 * {@code PREFIX TYPE [PROTO SINCE (from ADDR)?] (*)? (PREF) ([TAG])?}, where alternates of the
 * same prefix leave the prefix column blank; tab-indented next hop lines ({@code via A on IF},
 * {@code dev IF}, one per ECMP next hop); tab-indented {@code Key: value} attribute lines.
 * BIRD 1.6 puts the next hop on the route line in place of the type, which is handled too.
 */
public final class BirdRouteParser {

    private static final Pattern ROUTE = Pattern.compile(
            "^(\\S*)\\s+(.+?)\\s+\\[(\\S+)\\s+(.+?)(?:\\s+from\\s+(\\S+))?\\]\\s*(\\*)?\\s*\\((\\d+)[-s]*(?:/[^)]*)?\\)\\s*(?:\\[(.*)\\])?\\s*$");

    private BirdRouteParser() {}

    public static List<BirdRoute> parse(List<String> lines) {
        List<BirdRoute> out = new ArrayList<>();
        String table = "";
        String prefix = null;
        Builder current = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("Table ") && line.endsWith(":")) {
                table = line.substring("Table ".length(), line.length() - 1);
                continue;
            }
            if (line.charAt(0) == '\t') {
                if (current != null) {
                    detail(line.substring(1), current);
                }
                continue;
            }
            Matcher m = ROUTE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (current != null) {
                out.add(current.build());
            }
            if (!m.group(1).isEmpty()) {
                prefix = m.group(1);
            }
            current = new Builder(table, prefix, m);
        }
        if (current != null) {
            out.add(current.build());
        }
        return out;
    }

    private static void detail(String text, Builder route) {
        String s = text.strip();
        BirdNextHop nh = nextHop(s);
        if (nh != null) {
            route.nextHops.add(nh);
            return;
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            route.attributes.put(s.substring(0, colon), s.substring(colon + 1).strip());
        }
    }

    /** {@code via A on IF [weight W] [mpls ...]}, {@code via A}, {@code dev IF}; null otherwise. */
    private static BirdNextHop nextHop(String s) {
        String[] t = s.split("\\s+");
        if (t[0].equals("via") && t.length >= 2) {
            String iface = t.length >= 4 && t[2].equals("on") ? t[3] : null;
            return new BirdNextHop(t[1], iface);
        }
        if (t[0].equals("dev") && t.length >= 2) {
            return new BirdNextHop(null, t[1]);
        }
        return null;
    }

    private static final class Builder {
        final String table;
        final String prefix;
        final String type;
        final List<BirdNextHop> nextHops = new ArrayList<>();
        final String protocol;
        final String since;
        final String from;
        final boolean primary;
        final int preference;
        final String tag;
        final Map<String, String> attributes = new LinkedHashMap<>();

        Builder(String table, String prefix, Matcher m) {
            this.table = table;
            this.prefix = prefix;
            String head = m.group(2).strip();
            BirdNextHop inline = nextHop(head);
            if (inline != null) {
                nextHops.add(inline);
                type = "unicast";
            } else {
                type = head;
            }
            protocol = m.group(3);
            since = m.group(4);
            from = m.group(5);
            primary = m.group(6) != null;
            preference = Integer.parseInt(m.group(7));
            tag = m.group(8);
        }

        BirdRoute build() {
            return new BirdRoute(table, prefix, type, nextHops, protocol, since, from, primary, preference, tag, attributes);
        }
    }
}
