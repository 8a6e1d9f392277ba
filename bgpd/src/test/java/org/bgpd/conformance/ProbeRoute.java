package org.bgpd.conformance;

/**
 * A route both sides judge: its prefix, where it came from, and what the kernel said about it
 * (device, RTPROT_* number, blackhole) or its BGP next hop. {@code label} names it in failures.
 * Immutable; safe to share.
 */
record ProbeRoute(String label, Cidr net, Source source, String device, int kernelProtocol, boolean blackhole,
                  Cidr bgpNextHop) {

    /** BIRD's RTS_* sources, which bgpd calls peer kinds. */
    enum Source { BGP, STATIC, KERNEL }

    static ProbeRoute bgp(Cidr net, Cidr nextHop) {
        return new ProbeRoute(net + " from BGP via " + nextHop.address(), net, Source.BGP, null, 0, false, nextHop);
    }

    static ProbeRoute staticBlackhole(Cidr net) {
        return new ProbeRoute(net + " static blackhole", net, Source.STATIC, null, 0, true, null);
    }

    static ProbeRoute kernel(Cidr net, String device, int protocol) {
        return new ProbeRoute(net + " kernel dev " + device + " proto " + protocol, net, Source.KERNEL, device, protocol,
                false, null);
    }

    static ProbeRoute kernelBlackhole(Cidr net, int protocol) {
        return new ProbeRoute(net + " kernel blackhole proto " + protocol, net, Source.KERNEL, null, protocol, true, null);
    }

    @Override
    public String toString() {
        return label;
    }
}
