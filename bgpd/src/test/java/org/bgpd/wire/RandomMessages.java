package org.bgpd.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of well-formed messages for round-trip tests. */
final class RandomMessages {
    private static final int[] KNOWN_CODES = {1, 2, 5, 6, 64, 65, 69, 70, 71, 128};

    private final Random random;

    RandomMessages(long seed) { random = new Random(seed); }

    BgpMessage any() {
        return switch (random.nextInt(5)) {
            case 0 -> open();
            case 1 -> notification();
            case 2 -> routeRefresh();
            case 3 -> Keepalive.INSTANCE;
            default -> new Update(bytes(4 + random.nextInt(200)));
        };
    }

    Open open() {
        // One OPEN in five gets enough capabilities to need RFC 9072's extended parameters.
        int count = random.nextInt(5) == 0 ? 40 + random.nextInt(60) : random.nextInt(12);
        List<Capability> caps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) caps.add(capability());
        int hold = random.nextInt(4) == 0 ? 0 : 3 + random.nextInt(65533);
        int id = random.nextInt();
        return new Open(4, random.nextInt(65536), hold, id == 0 ? 1 : id, caps);
    }

    Capability capability() {
        return switch (random.nextInt(10)) {
            case 0 -> new Capability.Multiprotocol(u16(), u8());
            case 1 -> new Capability.RouteRefreshCap();
            case 2 -> new Capability.EnhancedRouteRefresh();
            case 3 -> new Capability.ExtendedMessage();
            case 4 -> new Capability.FourOctetAs(random.nextInt() & 0xFFFF_FFFFL);
            case 5 -> {
                List<Capability.GrFamily> fs = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) fs.add(new Capability.GrFamily(u16(), u8(), random.nextBoolean()));
                yield new Capability.GracefulRestart(random.nextBoolean(), random.nextBoolean(), random.nextInt(4096), fs);
            }
            case 6 -> {
                List<Capability.LlgrFamily> fs = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    fs.add(new Capability.LlgrFamily(u16(), u8(), random.nextBoolean(), random.nextInt(1 << 24)));
                }
                yield new Capability.LongLivedGracefulRestart(fs);
            }
            case 7 -> {
                List<Capability.AddPathFamily> fs = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    fs.add(new Capability.AddPathFamily(u16(), u8(), random.nextBoolean(), random.nextBoolean()));
                }
                yield new Capability.AddPath(fs);
            }
            case 8 -> {
                List<Capability.ExtendedNextHopFamily> fs = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) fs.add(new Capability.ExtendedNextHopFamily(u16(), u16(), u16()));
                yield new Capability.ExtendedNextHop(fs);
            }
            default -> new Capability.Unknown(unknownCode(), bytes(random.nextInt(random.nextInt(20) == 0 ? 256 : 12)));
        };
    }

    Notification notification() { return new Notification(u8(), u8(), bytes(random.nextInt(64))); }

    RouteRefresh routeRefresh() { return new RouteRefresh(u16(), u8(), u8()); }

    private int unknownCode() {
        while (true) {
            int c = u8();
            boolean known = false;
            for (int k : KNOWN_CODES) known |= k == c;
            if (!known) return c;
        }
    }

    int u8() { return random.nextInt(256); }

    int u16() { return random.nextInt(65536); }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
