package org.bgpd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bgpd.config.check.Diagnostics;
import org.bgpd.config.model.AsRange;
import org.bgpd.config.model.Community;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.config.model.LargeCommunity;
import org.bgpd.config.model.Numbers;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Owned by one load; not thread-safe. Typed scalar readers. Each reads the scalar's source text
 * (never SnakeYAML's YAML 1.1 type guess, which would turn "100:6532" into a base-60 integer),
 * reports a problem at the node's position and returns null, so callers just skip bad values.
 */
final class Values {

    private final Diagnostics diag;

    Values(Diagnostics diag) {
        this.diag = diag;
    }

    Diagnostics diagnostics() {
        return diag;
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) && isNullText(s.getValue()) ? "nothing" : "'" + s.getValue() + "'";
        }
        return "an alias";
    }

    private static boolean isNullText(String v) {
        return v.isEmpty() || v.equals("~") || v.equals("null");
    }

    /** A non-empty scalar's text; null (reported) otherwise. */
    String text(Node n, String expected) {
        if (n instanceof ScalarNode s && !(s.getTag().equals(Tag.NULL) && isNullText(s.getValue()))) {
            return s.getValue();
        }
        diag.error(n.getStartMark(), "expected " + expected + ", got " + describe(n));
        return null;
    }

    String string(Node n) {
        String s = text(n, "a string");
        if (s != null && s.isEmpty()) {
            diag.error(n.getStartMark(), "expected a non-empty string");
            return null;
        }
        return s;
    }

    Long integer(Node n, String label, long min, long max) {
        String s = text(n, "an integer");
        if (s == null) {
            return null;
        }
        long v = Numbers.parseUnsigned(s, Long.MAX_VALUE / 10);
        if (v < 0) {
            if (s.startsWith("-") && Numbers.parseUnsigned(s.substring(1), Long.MAX_VALUE / 10) >= 0) {
                diag.error(n.getStartMark(), label + " " + s + " out of range " + min + ".." + max);
            } else {
                diag.error(n.getStartMark(), "expected an integer, got '" + s + "'");
            }
            return null;
        }
        if (v < min || v > max) {
            diag.error(n.getStartMark(), label + " " + v + " out of range " + min + ".." + max);
            return null;
        }
        return v;
    }

    Integer int32(Node n, String label, int min, int max) {
        Long v = integer(n, label, min, max);
        return v == null ? null : v.intValue();
    }

    Boolean bool(Node n) {
        String s = text(n, "true or false");
        if (s == null) {
            return null;
        }
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        diag.error(n.getStartMark(), "expected true or false, got '" + s + "'");
        return null;
    }

    /** One of the given enum constants, written in lower case with dashes. */
    <E extends Enum<E>> E choice(Node n, E[] values) {
        String s = text(n, "one of " + names(values));
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (yamlName(e).equals(s)) {
                return e;
            }
        }
        diag.error(n.getStartMark(), "expected one of " + names(values) + ", got '" + s + "'");
        return null;
    }

    static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(yamlName(e));
        }
        return String.join("|", out);
    }

    IpAddress address(Node n) {
        String s = text(n, "an address");
        if (s == null) {
            return null;
        }
        IpAddress a = IpAddress.parse(s);
        if (a == null) {
            diag.error(n.getStartMark(), "'" + s + "' is not an IPv4 or IPv6 address");
        }
        return a;
    }

    IpAddress ipv4(Node n, String label) {
        IpAddress a = address(n);
        if (a != null && !a.isIpv4()) {
            diag.error(n.getStartMark(), label + " must be an IPv4 address, got '" + a + "'");
            return null;
        }
        return a;
    }

    IpPrefix prefix(Node n) {
        String s = text(n, "a prefix");
        if (s == null) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            diag.error(n.getStartMark(), "'" + s + "' is not a prefix (expected ADDRESS/LENGTH)");
            return null;
        }
        IpAddress a = IpAddress.parse(s.substring(0, slash));
        if (a == null) {
            diag.error(n.getStartMark(), "'" + s.substring(0, slash) + "' is not an IPv4 or IPv6 address");
            return null;
        }
        int max = a.family().maxLength();
        long len = Numbers.parseUnsigned(s.substring(slash + 1), 1000);
        if (len < 0 || len > max) {
            diag.error(n.getStartMark(), "prefix length '" + s.substring(slash + 1) + "' out of range 0.." + max);
            return null;
        }
        byte[] bytes = a.bytes();
        if (IpPrefix.hasHostBits(bytes, (int) len)) {
            for (int bit = (int) len; bit < bytes.length * 8; bit++) {
                bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            IpPrefix fixed = new IpPrefix(IpAddress.parse(addressText(bytes)), (int) len);
            diag.error(n.getStartMark(), "'" + s + "' has host bits set (did you mean " + fixed + "?)");
            return null;
        }
        return new IpPrefix(a, (int) len);
    }

    private static String addressText(byte[] bytes) {
        try {
            return new IpAddress(java.net.InetAddress.getByAddress(bytes)).toString();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An AS number, asplain or asdot (RFC 5396). */
    Long asNumber(Node n) {
        String s = text(n, "an AS number");
        if (s == null) {
            return null;
        }
        long v = parseAs(s);
        if (v == -2) {
            diag.error(n.getStartMark(), "expected an AS number, got '" + s + "'");
            return null;
        }
        if (v < 1 || v > AsRange.MAX_AS) {
            diag.error(n.getStartMark(), "AS " + s + " out of range 1.." + AsRange.MAX_AS);
            return null;
        }
        return v;
    }

    /** -2 if not a number, else the value (possibly out of range). */
    private static long parseAs(String s) {
        int dot = s.indexOf('.');
        if (dot > 0) {
            long hi = Numbers.parseUnsigned(s.substring(0, dot), 0xFFFF);
            long lo = Numbers.parseUnsigned(s.substring(dot + 1), 0xFFFF);
            return hi < 0 || lo < 0 ? -2 : (hi << 16) | lo;
        }
        long v = Numbers.parseUnsigned(s, Long.MAX_VALUE / 10);
        return v < 0 ? -2 : v;
    }

    /** "64512", "64512-65534" or a list of those. */
    List<AsRange> asRanges(Node n) {
        List<AsRange> out = new ArrayList<>();
        for (Node item : list(n)) {
            String s = text(item, "an AS number or range");
            if (s == null) {
                continue;
            }
            int dash = s.indexOf('-');
            long first = parseAs(dash < 0 ? s : s.substring(0, dash));
            long last = dash < 0 ? first : parseAs(s.substring(dash + 1));
            if (first == -2 || last == -2) {
                diag.error(item.getStartMark(), "expected an AS number or range FIRST-LAST, got '" + s + "'");
            } else if (first < 1 || last > AsRange.MAX_AS || first > AsRange.MAX_AS) {
                diag.error(item.getStartMark(), "AS " + s + " out of range 1.." + AsRange.MAX_AS);
            } else if (first > last) {
                diag.error(item.getStartMark(), "AS range '" + s + "' is empty (first is above last)");
            } else {
                out.add(new AsRange(first, last));
            }
        }
        return out;
    }

    Community community(Node n) {
        String s = text(n, "a community");
        if (s == null) {
            return null;
        }
        Community c = Community.parse(s);
        if (c == null) {
            diag.error(n.getStartMark(), "'" + s + "' is not a community (expected ASN:VALUE, each 0..65535, or a well-known name)");
        }
        return c;
    }

    LargeCommunity largeCommunity(Node n) {
        String s = text(n, "a large community");
        if (s == null) {
            return null;
        }
        LargeCommunity c = LargeCommunity.parse(s);
        if (c == null) {
            diag.error(n.getStartMark(), "'" + s + "' is not a large community (expected GLOBAL:LOCAL1:LOCAL2, each 0..4294967295)");
        }
        return c;
    }

    /** A list's items; a single scalar counts as a one-item list. */
    List<Node> list(Node n) {
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (n instanceof ScalarNode) {
            return List.of(n);
        }
        diag.error(n.getStartMark(), "expected a list, got " + describe(n));
        return List.of();
    }

    /** A list (or a single scalar) read item by item; items the reader rejects (null) are left out, their errors reported. */
    <T> List<T> list(Node n, Function<Node, T> reader) {
        List<T> out = new ArrayList<>();
        for (Node item : list(n)) {
            T t = reader.apply(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Items of a list that must be a YAML sequence of mappings (peers, rules, routes). */
    List<Node> sequence(Node n, String what) {
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        diag.error(n.getStartMark(), "expected a list of " + what + ", got " + describe(n));
        return List.of();
    }
}
