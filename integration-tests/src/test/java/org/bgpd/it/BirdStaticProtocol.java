package org.bgpd.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable; safe to share. A {@code protocol static} with one channel ({@code ipv4} or
 * {@code ipv6}, BIRD 2 allows one per static protocol) and its routes; each builder-style call
 * returns a new value.
 */
public record BirdStaticProtocol(String name, String family, List<Route> routes) {

    /** One {@code route PREFIX TARGET;} line; target is e.g. {@code blackhole} or {@code via 10.0.0.1}. */
    public record Route(String prefix, String target) {}

    public BirdStaticProtocol {
        if (!family.equals("ipv4") && !family.equals("ipv6")) {
            throw new IllegalArgumentException("family must be ipv4 or ipv6: " + family);
        }
        routes = List.copyOf(routes);
    }

    public static BirdStaticProtocol ipv4(String name) {
        return new BirdStaticProtocol(name, "ipv4", List.of());
    }

    public static BirdStaticProtocol ipv6(String name) {
        return new BirdStaticProtocol(name, "ipv6", List.of());
    }

    public BirdStaticProtocol blackhole(String prefix) {
        return route(prefix, "blackhole");
    }

    public BirdStaticProtocol unreachable(String prefix) {
        return route(prefix, "unreachable");
    }

    public BirdStaticProtocol via(String prefix, String gateway) {
        return route(prefix, "via " + gateway);
    }

    public BirdStaticProtocol route(String prefix, String target) {
        List<Route> more = new ArrayList<>(routes);
        more.add(new Route(prefix, target));
        return new BirdStaticProtocol(name, family, more);
    }

    void render(StringBuilder out) {
        out.append("protocol static ").append(name).append(" {\n");
        out.append("  ").append(family).append(";\n");
        for (Route r : routes) {
            out.append("  route ").append(r.prefix()).append(' ').append(r.target()).append(";\n");
        }
        out.append("}\n");
    }
}
