package org.bgpd.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes a scenario implies: every prefix named anywhere in its v1 tree (IP pools, every
 * host's IPAM blocks, static routes, reject CIDRs, service ranges, prefix advertisements), a
 * block-sized prefix and a host route inside each, and prefixes outside all of them; each from
 * BGP (next hop inside and outside the node's subnet), from the kernel (a pod route on cali*, a
 * Felix blackhole, a VXLAN or BPF route, a plain static route on eth0) and as a static blackhole.
 * Stateless; safe to share.
 */
final class ProbeRoutes {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})[/-](\\d{1,2})\\b");
    private static final Pattern V6 = Pattern.compile("([0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})[/-](\\d{1,3})\\b");

    static List<ProbeRoute> of(SortedMap<String, String> tree, String node, boolean v4) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (Map.Entry<String, String> e : tree.entrySet()) {
            collect(e.getKey(), v4, prefixes);
            collect(e.getValue(), v4, prefixes);
        }
        List<Cidr> nets = new ArrayList<>();
        for (String p : prefixes) {
            Cidr c = Cidr.parse(p);
            if (c == null || c.v4() != v4) continue;
            Cidr net = new Cidr(c.bits(), c.network(), c.length());
            nets.add(net);
            int block = v4 ? 26 : 122;
            if (net.length() < block) nets.add(net.sub(block, 1));
            if (net.length() < net.bits()) nets.add(net.sub(net.bits(), 1));
        }
        nets.add(Cidr.of(v4 ? "0.0.0.0/0" : "::/0"));
        nets.add(Cidr.of(v4 ? "198.51.100.0/24" : "2001:db8:ffff::/48"));
        nets.add(Cidr.of(v4 ? "198.51.100.7/32" : "2001:db8:ffff::7/128"));
        Cidr inside = insideNextHop(tree, node, v4);
        Cidr outside = Cidr.of(v4 ? "172.31.255.1" : "2001:db8:eeee::1");
        List<ProbeRoute> out = new ArrayList<>();
        for (Cidr n : new TreeSet<>(nets.stream().map(Cidr::toString).toList()).stream().map(Cidr::of).toList()) {
            out.add(ProbeRoute.bgp(n, inside));
            out.add(ProbeRoute.bgp(n, outside));
            out.add(ProbeRoute.staticBlackhole(n));
            out.add(ProbeRoute.kernel(n, "cali0123456789a", 3));
            out.add(ProbeRoute.kernelBlackhole(n, 80));
            out.add(ProbeRoute.kernel(n, "vxlan.calico", 80));
            out.add(ProbeRoute.kernel(n, "wireguard.cali", 80));
            out.add(ProbeRoute.kernel(n, "bpfout.cali", 3));
            out.add(ProbeRoute.kernel(n, "eth0", 4));
        }
        return out;
    }

    private static void collect(String text, boolean v4, TreeSet<String> into) {
        Matcher m = (v4 ? V4 : V6).matcher(text);
        while (m.find()) {
            String p = m.group(1) + "/" + m.group(2);
            if (Cidr.parse(p) != null && Integer.parseInt(m.group(2)) <= (v4 ? 32 : 128)) into.add(p);
        }
    }

    /** An address in the node's own subnet ({@code network_v4}/{@code _v6}), else one beside its address. */
    private static Cidr insideNextHop(SortedMap<String, String> tree, String node, boolean v4) {
        String host = "/calico/bgp/v1/host/" + node + "/";
        String network = tree.getOrDefault(host + (v4 ? "network_v4" : "network_v6"), "");
        Cidr n = Cidr.parse(network);
        if (n != null && n.length() < n.bits() - 2) return n.sub(n.bits(), 3);
        return Cidr.of(v4 ? "10.192.0.3" : "fd5f:65af::3");
    }

    private ProbeRoutes() {}
}
