package org.bgpd.fib.model;

import org.bgpd.rib.route.NextHop;

/**
 * One next hop of a kernel route: a gateway (null for a directly connected route such as
 * `dev cali123`), the output interface (index 0 and name null when the kernel picks it),
 * the onlink flag (gateway assumed on the link, RTNH_F_ONLINK: how `dev tunl0 onlink` works)
 * and the ECMP weight (1..256). Immutable; safe to share.
 */
public record KernelNextHop(NextHop gateway, int ifindex, String ifname, boolean onlink, int weight) {

    public KernelNextHop {
        if (weight < 1 || weight > 256) throw new IllegalArgumentException("weight " + weight + " not in 1..256");
    }

    public static KernelNextHop via(NextHop gateway) { return new KernelNextHop(gateway, 0, null, false, 1); }

    public static KernelNextHop dev(int ifindex, String ifname) { return new KernelNextHop(null, ifindex, ifname, false, 1); }

    public static KernelNextHop via(NextHop gateway, int ifindex, String ifname, boolean onlink) {
        return new KernelNextHop(gateway, ifindex, ifname, onlink, 1);
    }

    public KernelNextHop withIfname(String name) { return new KernelNextHop(gateway, ifindex, name, onlink, weight); }

    /** Equal ignoring the interface name, which netlink does not carry (only the index). */
    public boolean sameHop(KernelNextHop o) {
        return java.util.Objects.equals(gateway, o.gateway) && ifindex == o.ifindex && onlink == o.onlink && weight == o.weight;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (gateway != null) sb.append("via ").append(gateway);
        if (ifname != null || ifindex != 0) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append("dev ").append(ifname != null ? ifname : "#" + ifindex);
        }
        if (onlink) sb.append(" onlink");
        if (weight != 1) sb.append(" weight ").append(weight);
        return sb.toString();
    }
}
