package org.bgpd.fib.netlink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bgpd.fib.sync.TestNamespace;

/**
 * Test-resource generator (a main, not a test): sets up routes in a fresh namespace, dumps them
 * with our socket and writes each raw RTM_NEWROUTE / RTM_NEWLINK message, header included, as
 * hex to src/test/resources/org/bgpd/fib/netlink/kernel-*.hex. Run as root:
 * java --enable-native-access=ALL-UNNAMED -cp fib-sync/target/test-classes:fib-sync/target/classes:rib/target/classes
 *   org.bgpd.fib.netlink.CaptureKernelMessages fib-sync/src/test/resources/org/bgpd/fib/netlink
 */
public final class CaptureKernelMessages {
    private CaptureKernelMessages() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        try (TestNamespace ns = new TestNamespace()) {
            ns.ip("link", "add", "cali123", "type", "veth", "peer", "name", "vgw0");
            ns.ip("link", "set", "cali123", "up");
            ns.ip("link", "set", "vgw0", "up");
            ns.ip("addr", "add", "192.168.50.1/24", "dev", "vgw0");
            ns.ip("-6", "addr", "add", "fd00:50::1/64", "dev", "vgw0", "nodad");
            ns.ip("route", "add", "10.244.1.5/32", "dev", "cali123", "proto", "boot");
            ns.ip("route", "add", "blackhole", "10.244.1.0/26", "proto", "80");
            ns.ip("route", "add", "10.100.0.0/24", "table", "1000", "proto", "bgp", "metric", "20",
                    "nexthop", "via", "192.168.50.2", "weight", "2", "nexthop", "via", "10.99.0.2", "dev", "cali123", "onlink");
            ns.ip("route", "add", "10.200.0.0/26", "via", "10.99.0.1", "dev", "cali123", "onlink", "proto", "bird");
            ns.ip("-6", "route", "add", "fd00:99::/64", "via", "fd00:50::2", "proto", "bgp");
            ns.call(() -> {
                capture(out, false, new String[] {"10.244.1.5/32", "kernel-route-pod.hex"}, new String[] {"10.244.1.0/26", "kernel-route-blackhole.hex"},
                        new String[] {"10.100.0.0/24", "kernel-route-ecmp-table1000.hex"}, new String[] {"10.200.0.0/26", "kernel-route-onlink.hex"},
                        new String[] {"fd00:99::/64", "kernel-route-ipv6.hex"});
                capture(out, true, new String[] {"cali123", "kernel-link-cali123.hex"});
                return null;
            });
        }
    }

    private static void capture(Path out, boolean links, String[]... wanted) throws Exception {
        try (NetlinkSocket s = NetlinkSocket.open()) {
            NlWriter w = new NlWriter(64);
            int seq = s.nextSeq();
            if (links) LinkCodec.encodeLinkDumpRequest(w, seq);
            else RouteCodec.encodeDumpRequest(w, seq);
            s.send(w.array(), w.size());
            byte[] buf = new byte[1 << 16];
            while (true) {
                int n = s.receive(buf);
                NlMessages m = new NlMessages(buf, n);
                int start = 0;
                while (m.next()) {
                    int len = new NlReader(buf, start, 4).u32();
                    if (m.type() == Rtnl.NLMSG_DONE) return;
                    String key = links ? String.valueOf(LinkCodec.decodeLink(m.body()).value().name())
                            : String.valueOf(RouteCodec.decode(m.body(), null).value() == null ? null : RouteCodec.decode(m.body(), null).value().prefix());
                    for (String[] want : wanted)
                        if (want[0].equals(key)) Files.writeString(out.resolve(want[1]), HexFormat.of().formatHex(buf, start, start + len) + "\n");
                    start += Rtnl.align(len);
                }
            }
        }
    }
}
