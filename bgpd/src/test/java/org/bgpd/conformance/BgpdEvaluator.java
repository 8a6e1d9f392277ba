package org.bgpd.conformance;

import java.util.List;
import java.util.TreeSet;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.daemon.ConformanceAccess;
import org.bgpd.fib.learn.LearnFilter;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.policy.KernelFacts;
import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.RouteInput;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;

/**
 * Judges a {@link ProbeRoute} with what bgpd runs for a loaded configuration: the kernel learn
 * filter (a kernel route bgpd never learns is never exported), then the RIB's compiled policy
 * chains from the daemon's own PolicyCompiler, with RFC 8212 defaults for unset chains.
 * Not thread-safe; one per configuration.
 */
final class BgpdEvaluator {
    /** The neighbour BGP-learned probes come from: an iBGP peer that is not configured. */
    private static final String SOURCE_PEER = "10.255.255.254";

    private final DaemonConfig config;
    private final LearnFilter learn;
    private final PolicyChain kernelExport;
    private final RouteInput input = new RouteInput();

    BgpdEvaluator(DaemonConfig config) {
        this.config = config;
        this.learn = ConformanceAccess.learnFilter(config);
        this.kernelExport = ConformanceAccess.kernelExport(config);
    }

    /** The export chain towards {@code peer} for the probe's family. */
    FilterOutcome export(PeerConfig peer, ProbeRoute r) {
        PeerPolicies pp = ConformanceAccess.peerPolicies(config, peer.settings());
        Family f = family(r);
        PolicyChain c = pp.exportChain(f);
        boolean ibgp = peer.remoteAs() == peer.settings().effectiveLocalAs(config.localAs());
        if (c == null) c = ibgp ? PolicyChain.ALL : PolicyChain.NONE;
        return run(c, r);
    }

    /** The import chain from {@code peer} for the probe's family. */
    FilterOutcome importing(PeerConfig peer, ProbeRoute r) {
        PeerPolicies pp = ConformanceAccess.peerPolicies(config, peer.settings());
        PolicyChain c = pp.importChain(family(r));
        boolean ibgp = peer.remoteAs() == peer.settings().effectiveLocalAs(config.localAs());
        if (c == null) c = ibgp ? PolicyChain.ALL : PolicyChain.NONE;
        return run(c, r);
    }

    /** The kernel export chain ({@code calico_kernel_programming}); only meaningful for routes from BGP. */
    FilterOutcome kernel(ProbeRoute r) {
        return run(kernelExport, r);
    }

    private FilterOutcome run(PolicyChain chain, ProbeRoute r) {
        KernelFacts facts = null;
        PeerInfo from;
        Attrs base;
        Prefix p = Prefix.parse(r.net().toString());
        switch (r.source()) {
            case BGP -> {
                from = PeerInfo.bgp(7, r.net().v4() ? SOURCE_PEER : "fd00:ffff::fe", (int) config.localAs(),
                        (int) config.localAs(), 7, false);
                base = new AttrsBuilder().nextHop(NextHop.parse(r.bgpNextHop().address())).build();
            }
            case STATIC -> {
                from = PeerInfo.local(8, PeerKind.STATIC, (int) config.localAs(), 1);
                base = new AttrsBuilder().nextHop(NextHop.SELF).build();
            }
            case KERNEL -> {
                if (!learned(r, p)) return FilterOutcome.REJECTED;
                from = PeerInfo.local(9, PeerKind.KERNEL, (int) config.localAs(), 1);
                base = new AttrsBuilder().nextHop(NextHop.SELF).build();
                facts = new KernelFacts(r.device(), r.kernelProtocol(),
                        r.blackhole() ? KernelFacts.Type.BLACKHOLE : KernelFacts.Type.UNICAST);
            }
            default -> throw new IllegalStateException();
        }
        if (chain.acceptsAll()) return new FilterOutcome(true, new TreeSet<>(), new TreeSet<>(), null);
        PolicyChain.Outcome o = chain.evaluate(input.set(p, base, from, facts), base);
        if (o == null) return FilterOutcome.REJECTED;
        TreeSet<String> cs = new TreeSet<>();
        for (int c : AttrsView.communities(o.attrs())) cs.add((c >>> 16) + ":" + (c & 0xFFFF));
        TreeSet<String> ls = new TreeSet<>();
        int[] l = AttrsView.largeCommunities(o.attrs());
        for (int i = 0; i + 2 < l.length; i += 3) {
            ls.add(Integer.toUnsignedString(l[i]) + ":" + Integer.toUnsignedString(l[i + 1]) + ":"
                    + Integer.toUnsignedString(l[i + 2]));
        }
        return new FilterOutcome(true, cs, ls, o.kernel().device());
    }

    private boolean learned(ProbeRoute r, Prefix p) {
        KernelRoute k = r.blackhole()
                ? KernelRoute.reject(p, RouteType.BLACKHOLE, 0)
                : KernelRoute.unicast(p, 0, List.of(KernelNextHop.dev(3, r.device())));
        return learn.learns(k.withOwner(KernelRoute.TABLE_MAIN, r.kernelProtocol()));
    }

    private static Family family(ProbeRoute r) {
        return r.net().v4() ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }
}
