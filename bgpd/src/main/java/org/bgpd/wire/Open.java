package org.bgpd.wire;

import java.util.List;

/**
 * OPEN (RFC 4271 §4.2) with its capabilities (RFC 5492) already parsed. {@code myAs} is the
 * 2-octet field (AS_TRANS 23456 when the speaker's AS needs 4 octets); {@link #asNumber()} is
 * the real AS. {@code bgpId} is unsigned in an int. Immutable.
 */
public record Open(int version, int myAs, int holdTime, int bgpId, List<Capability> capabilities) implements BgpMessage {

    public static final int AS_TRANS = 23456;

    public Open {
        capabilities = List.copyOf(capabilities);
    }

    @Override
    public int type() { return OPEN; }

    /** The speaker's AS: the 4-octet AS capability's value if present (RFC 6793 §3), else myAs. */
    public long asNumber() {
        for (Capability c : capabilities) if (c instanceof Capability.FourOctetAs f) return f.as();
        return myAs;
    }

    public <T extends Capability> T capability(Class<T> type) {
        for (Capability c : capabilities) if (type.isInstance(c)) return type.cast(c);
        return null;
    }

    public <T extends Capability> List<T> capabilities(Class<T> type) {
        return capabilities.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
