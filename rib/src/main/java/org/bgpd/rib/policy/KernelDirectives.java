package org.bgpd.rib.policy;

/**
 * How the kernel export chain wants a best route installed: through {@code device} ({@code null}:
 * wherever the next hop resolves; Calico IPIP pools say {@code tunl0}, BIRD's {@code krt_tunnel})
 * and with the onlink flag (the next hop is reachable on that device without a covering route).
 * Immutable; safe to share.
 */
public record KernelDirectives(String device, boolean onlink) {

    /** Install as the next hop says: the result of a chain that sets neither. */
    public static final KernelDirectives PLAIN = new KernelDirectives(null, false);
}
