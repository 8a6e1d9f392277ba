package org.bgpd.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * Immutable; safe to share. One daemon of the lab: {@code rr1} or {@code nodeK}.
 * {@code peerName} is what the other side calls it, the way Calico names a BGP peer after its
 * address ({@code Node_127_0_0_11}); {@code prefixes} are the static routes it originates (none
 * for the reflector).
 */
public record LabSpeaker(String name, String address, String peerName, Path socket, Path config,
                         List<String> prefixes) {
    public LabSpeaker {
        prefixes = List.copyOf(prefixes);
    }

    /** Calico's BIRD protocol name for a peer: {@code Node_} and the address with {@code .} as {@code _}. */
    static String calicoName(String address) {
        return "Node_" + address.replace('.', '_');
    }
}
