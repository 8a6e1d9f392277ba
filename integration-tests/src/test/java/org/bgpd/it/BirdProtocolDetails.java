package org.bgpd.it;

import java.util.List;
import java.util.Map;

/**
 * Immutable; safe to share. One protocol from {@code show protocols all}: its row, the
 * protocol-level {@code Key: value} fields (capability blocks are not kept) and its channels.
 */
public record BirdProtocolDetails(BirdProtocol protocol, Map<String, String> fields, List<BirdChannelStatus> channels) {

    public BirdProtocolDetails {
        fields = Map.copyOf(fields);
        channels = List.copyOf(channels);
    }

    public String name() {
        return protocol.name();
    }

    /** {@code Established}, {@code Active}, {@code Connect}, ...; "" for non-BGP protocols. */
    public String bgpState() {
        return field("BGP state");
    }

    public String neighborAddress() {
        return field("Neighbor address");
    }

    /** The neighbor AS, or -1 when not printed. */
    public long neighborAs() {
        return number(field("Neighbor AS"));
    }

    public long localAs() {
        return number(field("Local AS"));
    }

    public String neighborId() {
        return field("Neighbor ID");
    }

    /** The {@code Last error:} field, "" when there is none. */
    public String lastError() {
        return field("Last error");
    }

    public String field(String key) {
        return fields.getOrDefault(key, "");
    }

    /** The channel named e.g. {@code ipv4}; throws if the protocol has none of that name. */
    public BirdChannelStatus channel(String name) {
        for (BirdChannelStatus c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("protocol " + name() + " has no channel " + name + ": " + channels);
    }

    /** Imported routes summed over all channels. */
    public int importedRoutes() {
        int n = 0;
        for (BirdChannelStatus c : channels) {
            n += c.imported();
        }
        return n;
    }

    /** Exported routes summed over all channels. */
    public int exportedRoutes() {
        int n = 0;
        for (BirdChannelStatus c : channels) {
            n += c.exported();
        }
        return n;
    }

    private static long number(String s) {
        try {
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
