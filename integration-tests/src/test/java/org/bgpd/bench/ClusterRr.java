package org.bgpd.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster route-reflector benchmark (issue 3): M clients, each on its own 127.x.y.z address,
 * each advertise one /26 (an IPAM block) and five /32s in one UPDATE; time until every client
 * holds every other client's routes. Usage: {@code --clients M [--only bgpd|bird]
 * [--jvm-opts "..."] [--root DIR] [--timeout S]}.
 */
public final class ClusterRr {
    static final int BLOCKS = 10 << 24;
    static final int HOSTS = BLOCKS | 128 << 16;
    static final int PER_CLIENT = 6;

    private ClusterRr() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> rest = new HashMap<>();
        BenchRun.Options o = BenchRun.Options.parse(args, rest);
        int m = Integer.parseInt(rest.getOrDefault("--clients", "200"));
        if (m < 2 || m > 100_000) throw new IllegalArgumentException("--clients must be 2 to 100000");
        System.out.printf("cluster-rr: %d clients, %d routes each%n", m, PER_CLIENT);
        BenchRun.compare("cluster-rr", "clients=" + m, () -> scenario(m), o);
    }

    static Scenario scenario(int m) {
        PrefixIndex index = new PrefixIndex() {
            @Override
            public int index(int address, int length) {
                if (length == 26 && address >= BLOCKS && address < HOSTS && (address & 63) == 0) {
                    int k = (address - BLOCKS) >>> 6;
                    return k < m ? k * PER_CLIENT : -1;
                }
                if (length == 32 && address >= HOSTS) {
                    int off = address - HOSTS;
                    int k = off >>> 3;
                    int j = off & 7;
                    return k < m && j < PER_CLIENT - 1 ? k * PER_CLIENT + 1 + j : -1;
                }
                return -1;
            }

            @Override
            public int size() { return m * PER_CLIENT; }
        };
        List<String> addresses = new ArrayList<>();
        List<RouteCounter> counters = new ArrayList<>();
        List<ByteBuffer> payloads = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            String a = BenchRun.speakerAddress(k);
            addresses.add(a);
            counters.add(new RouteCounter(index, k * PER_CLIENT, (k + 1) * PER_CLIENT));
            payloads.add(update(k, SpeakerLoop.ipv4(a)));
        }
        return new Scenario(addresses, counters, payloads, (long) m * PER_CLIENT);
    }

    /** One UPDATE: the client's /26 and its five /32s, next hop the client itself. */
    static ByteBuffer update(int k, int nextHop) {
        byte[] attrs = BgpWire.attributes(new int[0], nextHop, 0, 0);
        int length = BgpWire.HEADER + 4 + attrs.length + 5 + (PER_CLIENT - 1) * 5;
        ByteBuffer b = ByteBuffer.allocate(length);
        BgpWire.header(b, length, BgpWire.UPDATE);
        b.putShort((short) 0).putShort((short) attrs.length).put(attrs);
        BgpWire.putPrefix(b, BLOCKS + (k << 6), 26);
        for (int j = 0; j < PER_CLIENT - 1; j++) BgpWire.putPrefix(b, HOSTS + (k << 3) + j, 32);
        return b.flip().asReadOnlyBuffer();
    }
}
