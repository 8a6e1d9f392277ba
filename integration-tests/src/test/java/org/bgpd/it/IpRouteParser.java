package org.bgpd.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless. Parses {@code ip -j route show} (iproute2 6.x) into {@link IpRoute}s, walking the
 * JSON tree by hand rather than binding by reflection.
 */
public final class IpRouteParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IpRouteParser() {}

    /**
     * @param defaultTable the table the listing was asked for, used when ip omits the
     *                     {@code table} key (it does for the table named on the command line)
     */
    public static List<IpRoute> parse(String json, boolean ipv6, String defaultTable) {
        JsonNode root;
        try {
            root = JSON.readTree(json.isBlank() ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not ip -j route output: " + e.getOriginalMessage() + ": " + json, e);
        }
        List<IpRoute> out = new ArrayList<>();
        for (JsonNode r : root) {
            List<IpRoute.NextHop> hops = new ArrayList<>();
            for (JsonNode nh : r.path("nexthops")) {
                hops.add(new IpRoute.NextHop(text(nh, "gateway"), text(nh, "dev"), nh.path("weight").asInt(1)));
            }
            out.add(new IpRoute(
                    r.has("table") ? text(r, "table") : defaultTable,
                    prefix(text(r, "dst"), ipv6),
                    r.has("type") ? text(r, "type") : "unicast",
                    text(r, "dev"),
                    text(r, "gateway"),
                    // iproute2 prints the protocol only when it is not RTPROT_BOOT (3).
                    r.has("protocol") ? text(r, "protocol") : "boot",
                    text(r, "scope"),
                    r.has("metric") ? r.get("metric").asInt() : null,
                    hops));
        }
        return out;
    }

    private static String prefix(String dst, boolean ipv6) {
        if (dst == null || dst.equals("default")) {
            return ipv6 ? "::/0" : "0.0.0.0/0";
        }
        if (dst.indexOf('/') >= 0) {
            return dst;
        }
        return dst + (ipv6 ? "/128" : "/32");
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
