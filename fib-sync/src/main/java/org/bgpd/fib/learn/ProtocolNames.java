package org.bgpd.fib.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Route protocol numbers by name (rtm_protocol), from /etc/iproute2/rt_protos when present, else
 * the standard names iproute2 ships (kernel 2, boot 3, static 4, bird 12, bgp 186, ...).
 * Immutable once built; safe to share.
 */
public final class ProtocolNames {
    private static final String BUILT_IN = """
            0 unspec
            1 redirect
            2 kernel
            3 boot
            4 static
            8 gated
            9 ra
            10 mrt
            11 zebra
            12 bird
            13 dnrouted
            14 xorp
            15 ntk
            16 dhcp
            18 keepalived
            42 babel
            99 openr
            186 bgp
            187 isis
            188 ospf
            189 rip
            192 eigrp
            """;

    private final Map<String, Integer> byName;

    private ProtocolNames(Map<String, Integer> byName) { this.byName = Map.copyOf(byName); }

    public static ProtocolNames builtIn() { return parse(BUILT_IN.lines().toList()); }

    /** The file's names over the built-in ones; the built-in table alone if it cannot be read. */
    public static ProtocolNames load(Path rtProtos) {
        if (!Files.isReadable(rtProtos)) return builtIn();
        try {
            Map<String, Integer> m = new HashMap<>(builtIn().byName);
            m.putAll(parse(Files.readAllLines(rtProtos)).byName);
            return new ProtocolNames(m);
        } catch (IOException e) {
            return builtIn();
        }
    }

    public static ProtocolNames system() { return load(Path.of("/etc/iproute2/rt_protos")); }

    /** rt_protos lines: "NUMBER NAME", '#' comments; malformed lines are skipped as iproute2 does. */
    static ProtocolNames parse(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            if (f.length < 2) continue;
            try {
                int n = f[0].startsWith("0x") ? Integer.parseInt(f[0].substring(2), 16) : Integer.parseInt(f[0]);
                if (n >= 0 && n <= 255) m.put(f[1], n);
            } catch (NumberFormatException e) {
                // not a number: skip the line
            }
        }
        return new ProtocolNames(m);
    }

    /** A number ("80") or a name ("boot"); -1 when neither. */
    public int resolve(String nameOrNumber) {
        try {
            int n = Integer.parseInt(nameOrNumber);
            return n >= 0 && n <= 255 ? n : -1;
        } catch (NumberFormatException e) {
            Integer n = byName.get(nameOrNumber);
            return n == null ? -1 : n;
        }
    }

    /** The name of a number, or the number as text. */
    public String name(int protocol) {
        String best = null;
        for (Map.Entry<String, Integer> e : byName.entrySet())
            if (e.getValue() == protocol && (best == null || e.getKey().compareTo(best) < 0)) best = e.getKey();
        return best != null ? best : Integer.toString(protocol);
    }
}
