package org.bgpd.config.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.OptionalLong;
import java.util.Random;
import org.bgpd.config.model.*;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.Test;

/** Seeded random configurations print and load back to equal records. */
class PrintRoundTripTest {

    private final Random rnd = new Random(20261121L);

    @Test
    void randomConfigsRoundTrip() {
        for (int i = 0; i < 300; i++) {
            DaemonConfig c = config();
            String text = ConfigPrinter.print(c);
            LoadResult r = ConfigLoader.parse(text, "random-" + i + ".yaml");
            LoadResult.Loaded l = assertInstanceOf(LoadResult.Loaded.class, r, () -> r + "\n" + text);
            assertEquals(c, l.config(), text);
        }
    }

    private DaemonConfig config() {
        long localAs = 1 + rnd.nextInt(70000);
        Map<String, PrefixList> lists = new LinkedHashMap<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            lists.put("pl" + i, new PrefixList("pl" + i, prefixMatches()));
        }
        Map<String, PolicyConfig> policies = new LinkedHashMap<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            List<PolicyRule> rules = new ArrayList<>();
            for (int j = rnd.nextInt(4); j > 0; j--) {
                rules.add(rule(lists));
            }
            policies.put("p" + i, new PolicyConfig("p" + i, rules, pick(Verdict.values())));
        }
        List<String> names = new ArrayList<>(policies.keySet());
        names.add(PolicyConfig.ALL);
        names.add(PolicyConfig.NONE);
        List<PeerConfig> peers = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            long remote = rnd.nextBoolean() ? localAs : 1 + rnd.nextInt(70000);
            peers.add(new PeerConfig("peer" + i, v4(), remote, settings(names, remote == localAs)));
        }
        List<DynamicPeerConfig> dyn = new ArrayList<>();
        if (rnd.nextBoolean()) {
            dyn.add(new DynamicPeerConfig("dyn_", prefix(), List.of(new AsRange(localAs, localAs), new AsRange(64512, 65534)),
                    1 + rnd.nextInt(5000), settings(names, false)));
        }
        List<StaticRoute> statics = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            StaticTarget t = switch (rnd.nextInt(3)) {
                case 0 -> new StaticTarget.Blackhole();
                case 1 -> new StaticTarget.Unreachable();
                default -> new StaticTarget.NextHop(v4());
            };
            statics.add(new StaticRoute(new IpPrefix(IpAddress.parse("10." + i + ".0.0"), 16), t,
                    List.of(new Community(rnd.nextLong(0x100000000L))), List.of(), optLong(), optLong()));
        }
        KernelConfig kernel = rnd.nextBoolean() ? KernelConfig.DISABLED : new KernelConfig(rnd.nextBoolean(), 254, 186,
                Optional.of(new LearnFilter(List.of("cali*"), List.of(3, 80), List.of(RouteType.BLACKHOLE), List.of(), prefixMatches())),
                List.of(pickName(names)));
        return new DaemonConfig(v4(), localAs, new Listen(rnd.nextBoolean() ? Optional.empty() : Optional.of(v6()), 1 + rnd.nextInt(65535)),
                List.of(new ControlSocket("run/b " + rnd.nextInt(9) + ".ctl", pick(ControlSocket.Dialect.values()),
                        pick(ControlSocket.Scope.values()))),
                pick(LogLevel.values()), v4(), new GracefulRestart(rnd.nextBoolean(), rnd.nextInt(4096), rnd.nextInt(0x1000000)),
                peers, dyn, statics, lists, policies, kernel, confd());
    }

    private Optional<ConfdConfig> confd() {
        return switch (rnd.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new ConfdConfig(ConfdConfig.Backend.FILE, Optional.of("keys/k " + rnd.nextInt(9) + ".yaml"),
                    List.of(), Optional.empty(), Optional.empty(), Optional.empty(), ConfdConfig.DEFAULT_CONFDIR,
                    ConfdConfig.DEFAULT_RESOURCE, Optional.empty(), rnd.nextInt(600_001)));
            default -> Optional.of(new ConfdConfig(ConfdConfig.Backend.ETCD, Optional.empty(),
                    rnd.nextBoolean() ? List.of() : List.of("https://10.0.0." + rnd.nextInt(256) + ":2379", "https://[fd00::1]:2379"),
                    Optional.of("/etc/ca #" + rnd.nextInt() + ".pem"), rnd.nextBoolean() ? Optional.empty() : Optional.of("c.pem"),
                    Optional.empty(), "/etc/bgpd/confd", "r: " + rnd.nextInt(), rnd.nextBoolean() ? Optional.empty() : Optional.of("node-" + rnd.nextInt()),
                    0)).map(c -> c.etcdCertFile().isPresent()
                    ? new ConfdConfig(c.backend(), c.file(), c.etcdEndpoints(), c.etcdCaCertFile(), c.etcdCertFile(), Optional.of("k.pem"),
                            c.confdir(), c.resource(), c.node(), c.debounceMillis()) : c);
        };
    }

    private PeerSettings settings(List<String> names, boolean ibgp) {
        List<FamilyConfig> fams = new ArrayList<>();
        for (Family f : Family.values()) {
            if (fams.isEmpty() || rnd.nextBoolean()) {
                Optional<MaxPrefix> mp = rnd.nextBoolean() ? Optional.empty()
                        : Optional.of(rnd.nextBoolean() ? new MaxPrefix(1 + rnd.nextInt(100000), MaxPrefix.Action.RESTART, 1 + rnd.nextInt(600))
                                : new MaxPrefix(5, MaxPrefix.Action.WARN, 0));
                fams.add(new FamilyConfig(f, pick(FamilyConfig.AddPath.values()), List.of(pickName(names)),
                        List.of(pickName(names), pickName(names)), mp));
            }
        }
        int hold = rnd.nextBoolean() ? 0 : 3 + rnd.nextInt(1000);
        boolean nhSelf = rnd.nextBoolean();
        return new PeerSettings(rnd.nextBoolean() ? Optional.empty() : Optional.of(v4()), 1 + rnd.nextInt(65535), rnd.nextBoolean(),
                rnd.nextBoolean() ? Optional.empty() : Optional.of("pw \"" + rnd.nextInt() + "\\#: x"),
                new Timers(hold, hold == 0 ? 0 : rnd.nextInt(hold), 1 + rnd.nextInt(600)), fams, ibgp && rnd.nextBoolean(),
                nhSelf, !nhSelf && rnd.nextBoolean(), new GracefulRestart(rnd.nextBoolean(), rnd.nextInt(4096), 0),
                rnd.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + rnd.nextInt(255)), rnd.nextBoolean(), rnd.nextBoolean(),
                ibgp || rnd.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(100_000L + rnd.nextInt(1000)),
                rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(10));
    }

    private PolicyRule rule(Map<String, PrefixList> lists) {
        RouteMatch m = rnd.nextInt(4) == 0 ? RouteMatch.ANY : new RouteMatch(prefixMatches(),
                lists.isEmpty() ? List.of() : List.of(lists.keySet().iterator().next()),
                List.of(new Community(rnd.nextLong(0x100000000L))), List.of(new LargeCommunity(1, 2, rnd.nextLong(0x100000000L))),
                List.of(1L + rnd.nextInt(1000)), List.of(), List.of(prefix(), new IpPrefix(v4(), 32)), List.of(v6()), List.of(),
                List.of(pick(Family.values())), List.of(pick(RouteSource.values())), List.of("*.cali", "eth0"),
                List.of(rnd.nextInt(256)), List.of(pick(RouteType.values())),
                rnd.nextBoolean() ? Optional.empty() : Optional.of(new RouteMatch(prefixMatches(), List.of(), List.of(), List.of(),
                        List.of(), List.of(5L), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        Optional.empty())));
        RouteChanges ch = new RouteChanges(optLong(), optLong(),
                new RouteChanges.CommunityEdit<>(List.of(new Community(65535L << 16 | 65281)), List.of(), Optional.empty()),
                new RouteChanges.CommunityEdit<>(List.of(), List.of(), Optional.of(List.of())),
                Optional.of(switch (rnd.nextInt(3)) {
                    case 0 -> new RouteChanges.NextHopChange.Self();
                    case 1 -> new RouteChanges.NextHopChange.Keep();
                    default -> new RouteChanges.NextHopChange.Address(v6());
                }), Optional.of(new RouteChanges.AsPathPrepend(65000, 1 + rnd.nextInt(32))), Optional.of("tunl0"), rnd.nextBoolean());
        return new PolicyRule(m, ch, pick(Verdict.values()));
    }

    private List<PrefixMatch> prefixMatches() {
        List<PrefixMatch> out = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            IpPrefix p = prefix();
            int ge = p.length() + rnd.nextInt(33 - p.length());
            out.add(rnd.nextBoolean() ? PrefixMatch.exact(p) : new PrefixMatch(p, ge, ge + rnd.nextInt(33 - ge)));
        }
        return out;
    }

    private IpPrefix prefix() {
        int len = rnd.nextInt(33);
        byte[] b = v4().bytes();
        for (int bit = len; bit < 32; bit++) {
            b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpPrefix(addr(b), len);
    }

    private IpAddress v4() {
        byte[] b = new byte[4];
        rnd.nextBytes(b);
        return addr(b);
    }

    private IpAddress v6() {
        byte[] b = new byte[16];
        rnd.nextBytes(b);
        if (rnd.nextBoolean()) {
            b[4] = b[5] = b[6] = b[7] = b[8] = b[9] = 0;
        }
        return addr(b);
    }

    private static IpAddress addr(byte[] b) {
        try {
            return new IpAddress(InetAddress.getByAddress(b));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private OptionalLong optLong() {
        return rnd.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(rnd.nextLong(0x100000000L));
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private String pickName(List<String> names) {
        return names.get(rnd.nextInt(names.size()));
    }
}
