package org.bgpd.rib.policy;

/**
 * What the kernel said about a route learned from its FIB, for policies that tell Felix's routes
 * apart (Calico's {@code ifname ~ "*.cali"}, {@code krt_source}): the output device ({@code null}
 * for blackhole and unreachable routes, which have none), the kernel protocol number (RTPROT_*,
 * e.g. 3 boot, 80 Felix) and the route type. Immutable; safe to share.
 */
public record KernelFacts(String device, int protocol, Type type) {

    /** Kernel route types a policy can tell apart (RTN_UNICAST, RTN_BLACKHOLE, RTN_UNREACHABLE). */
    public enum Type { UNICAST, BLACKHOLE, UNREACHABLE }

    public KernelFacts {
        if (type == null) throw new IllegalArgumentException("kernel route type required");
        if (protocol < 0 || protocol > 255) throw new IllegalArgumentException("kernel protocol " + protocol);
    }
}
