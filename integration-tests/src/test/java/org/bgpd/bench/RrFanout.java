package org.bgpd.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Route-reflector fan-out benchmark (issue 3): one feeder sends N IPv4 /24s carrying about
 * 1,000 distinct attribute sets, packed many prefixes per UPDATE, to the reflector, which
 * reflects them to K clients. Usage: {@code --prefixes N --clients K [--only bgpd|bird]
 * [--jvm-opts "..."] [--root DIR] [--timeout S]}.
 */
public final class RrFanout {
    static final int BASE = 16 << 24;
    static final int ATTRIBUTE_SETS = 1000;
    /** Consecutive /24s sharing one attribute set, like an allocation announced by one origin. */
    static final int RUN = 16;

    private RrFanout() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> rest = new HashMap<>();
        BenchRun.Options o = BenchRun.Options.parse(args, rest);
        int n = Integer.parseInt(rest.getOrDefault("--prefixes", "100000"));
        int k = Integer.parseInt(rest.getOrDefault("--clients", "10"));
        if (n < 1 || n > 1 << 22) throw new IllegalArgumentException("--prefixes must be 1 to 4194304");
        ByteBuffer feed = feed(n);
        System.out.printf("rr-fanout: %d prefixes in %d UPDATE bytes (%.1f prefixes/UPDATE avg), %d clients%n", n,
                feed.remaining(), (double) n / countMessages(feed), k);
        BenchRun.compare("rr-fanout", "prefixes=" + n + " clients=" + k, () -> scenario(n, k, feed), o);
    }

    static Scenario scenario(int n, int k, ByteBuffer feed) {
        PrefixIndex index = new PrefixIndex() {
            @Override
            public int index(int address, int length) {
                int i = (address - BASE) >>> 8;
                return length == 24 && address - BASE >= 0 && i < n ? i : -1;
            }

            @Override
            public int size() { return n; }
        };
        List<String> addresses = new ArrayList<>();
        List<RouteCounter> counters = new ArrayList<>();
        List<ByteBuffer> payloads = new ArrayList<>();
        addresses.add(BenchRun.speakerAddress(0));
        counters.add(null);
        payloads.add(feed);
        for (int c = 1; c <= k; c++) {
            addresses.add(BenchRun.speakerAddress(c));
            counters.add(new RouteCounter(index, 0, 0));
            payloads.add(null);
        }
        return new Scenario(addresses, counters, payloads, n);
    }

    /** Every prefix once, grouped by attribute set (counting sort), as the feeder's UPDATE stream. */
    static ByteBuffer feed(int n) {
        int sets = Math.min(ATTRIBUTE_SETS, Math.max(1, n / RUN));
        int[] count = new int[sets + 1];
        for (int i = 0; i < n; i++) count[i / RUN % sets + 1]++;
        for (int s = 0; s < sets; s++) count[s + 1] += count[s];
        int[] start = count.clone();
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) sorted[start[i / RUN % sets]++] = BASE + (i << 8);
        int nextHop = SpeakerLoop.ipv4(BenchRun.speakerAddress(0));
        byte[][] attrs = new byte[sets][];
        int size = 0;
        for (int s = 0; s < sets; s++) {
            int[] path = new int[1 + s % 4];
            for (int h = 0; h < path.length; h++) path[h] = 64600 + (s * 31 + h * 7) % 300; // never our AS 65000
            path[path.length - 1] = 65100 + s;
            attrs[s] = BgpWire.attributes(path, nextHop, s, 65000 << 16 | s);
            size += BgpWire.updatesSize(attrs[s].length, count[s + 1] - count[s], 24);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int s = 0; s < sets; s++) BgpWire.updates(out, attrs[s], sorted, count[s], count[s + 1], 24);
        return out.flip().asReadOnlyBuffer();
    }

    static int countMessages(ByteBuffer b) {
        int m = 0;
        for (int p = b.position(); p < b.limit(); m++) p += (b.get(p + 16) & 0xFF) << 8 | (b.get(p + 17) & 0xFF);
        return m;
    }
}
