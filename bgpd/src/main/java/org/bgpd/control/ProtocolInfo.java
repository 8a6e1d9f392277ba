package org.bgpd.control;

import java.time.Instant;
import java.util.List;
import org.bgpd.rib.route.Family;

/**
 * One row of {@code show protocols} plus its {@code all} details. Immutable; safe to share.
 *
 * @param proto "BGP", "Static", "Kernel", "Device", "Direct"
 * @param table the main table shown in the bird2 Table column, or null for "---" (BGP has none);
 *     the bird1 dialect always shows "master"
 * @param info the status message: for BGP the text after the padded BGP state (e.g. the last
 *     error "Socket: Connection closed", or ""); for other protocols the whole Info column
 * @param description the configured description, or null
 * @param family the family a family-limited socket shows this protocol on, or null for every socket
 * @param bgp BGP details, or null for other protocols
 */
public record ProtocolInfo(String name, String proto, String table, ProtocolState state, Instant since,
                           String info, String description, Family family, List<ChannelInfo> channels,
                           BgpInfo bgp) {

    public ProtocolInfo {
        channels = List.copyOf(channels);
    }

    /** The Info column as BIRD prints it: BGP pads its state to 14 characters. */
    public String infoColumn() {
        if (bgp == null) return info;
        StringBuilder sb = new StringBuilder(bgp.state());
        while (sb.length() < 14) sb.append(' ');
        return sb.append(info).toString();
    }
}
