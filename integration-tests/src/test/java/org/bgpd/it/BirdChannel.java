package org.bgpd.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable; safe to share. One channel block ({@code ipv4 { ... };}) of a BGP or kernel
 * protocol in a generated bird.conf. Filters are BIRD filter text placed after
 * {@code import}/{@code export}: {@code all}, {@code none}, {@code where proto = "static1"}.
 * Each {@code with...}/setter returns a new channel.
 */
public record BirdChannel(String family, String importFilter, String exportFilter, String addPathsMode,
                          boolean selfNextHop, String nextHopAddress, String table, List<String> extraLines) {

    public BirdChannel {
        if (!family.equals("ipv4") && !family.equals("ipv6")) {
            throw new IllegalArgumentException("family must be ipv4 or ipv6: " + family);
        }
        extraLines = List.copyOf(extraLines);
    }

    /** {@code ipv4 { import all; export none; }}. */
    public static BirdChannel ipv4() {
        return new BirdChannel("ipv4", "all", "none", null, false, null, null, List.of());
    }

    /** {@code ipv6 { import all; export none; }}. */
    public static BirdChannel ipv6() {
        return new BirdChannel("ipv6", "all", "none", null, false, null, null, List.of());
    }

    public BirdChannel importAll() {
        return importFilter("all");
    }

    public BirdChannel importNone() {
        return importFilter("none");
    }

    public BirdChannel importFilter(String filter) {
        return new BirdChannel(family, filter, exportFilter, addPathsMode, selfNextHop, nextHopAddress, table, extraLines);
    }

    public BirdChannel exportAll() {
        return exportFilter("all");
    }

    public BirdChannel exportNone() {
        return exportFilter("none");
    }

    /** Exports only the routes of one protocol: {@code export where proto = "NAME"}. */
    public BirdChannel exportProtocol(String protocolName) {
        return exportFilter("where proto = \"" + protocolName + "\"");
    }

    public BirdChannel exportFilter(String filter) {
        return new BirdChannel(family, importFilter, filter, addPathsMode, selfNextHop, nextHopAddress, table, extraLines);
    }

    /** {@code add paths on} (RFC 7911, both directions). */
    public BirdChannel addPaths() {
        return addPaths("on");
    }

    /** {@code add paths MODE} with mode {@code on}, {@code rx}, {@code tx} or {@code off}. */
    public BirdChannel addPaths(String mode) {
        return new BirdChannel(family, importFilter, exportFilter, mode, selfNextHop, nextHopAddress, table, extraLines);
    }

    public BirdChannel nextHopSelf() {
        return new BirdChannel(family, importFilter, exportFilter, addPathsMode, true, nextHopAddress, table, extraLines);
    }

    /**
     * {@code next hop address IP}: needed for an ipv6 channel on an IPv4 session (and vice
     * versa), where BIRD has no address of the channel's family to advertise and would send
     * an IPv4 next hop the peer rejects as "mismatched address family".
     */
    public BirdChannel nextHopAddress(String address) {
        return new BirdChannel(family, importFilter, exportFilter, addPathsMode, selfNextHop, address, table, extraLines);
    }

    /** {@code table NAME}; the table must be declared in the config. */
    public BirdChannel table(String tableName) {
        return new BirdChannel(family, importFilter, exportFilter, addPathsMode, selfNextHop, nextHopAddress, tableName, extraLines);
    }

    /** Any other channel option, written verbatim with a trailing {@code ;}. */
    public BirdChannel extra(String line) {
        List<String> more = new ArrayList<>(extraLines);
        more.add(line);
        return new BirdChannel(family, importFilter, exportFilter, addPathsMode, selfNextHop, nextHopAddress, table, more);
    }

    void render(StringBuilder out, String indent) {
        out.append(indent).append(family).append(" {\n");
        String in = indent + "  ";
        if (table != null) {
            out.append(in).append("table ").append(table).append(";\n");
        }
        out.append(in).append("import ").append(importFilter).append(";\n");
        out.append(in).append("export ").append(exportFilter).append(";\n");
        if (addPathsMode != null) {
            out.append(in).append("add paths ").append(addPathsMode).append(";\n");
        }
        if (selfNextHop) {
            out.append(in).append("next hop self;\n");
        }
        if (nextHopAddress != null) {
            out.append(in).append("next hop address ").append(nextHopAddress).append(";\n");
        }
        for (String line : extraLines) {
            out.append(in).append(line).append(";\n");
        }
        out.append(indent).append("};\n");
    }
}
