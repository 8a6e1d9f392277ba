package org.bgpd.rib.policy;

import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixKeys;

/**
 * Runs the kernel export chain (config {@code kernel.export}, Calico's
 * {@code calico_kernel_programming}) on a Loc-RIB best route: whether to install it, and through
 * which device with which flags (Calico IPIP pools: {@code tunl0}, onlink). Matches see the
 * route's prefix, attributes, source peer and, for kernel-learned routes, their
 * {@link KernelFacts}. Owned by the RIB thread; not thread-safe.
 */
public final class KernelExport {
    private final PolicyChain chain;
    private final AttrsTable attrs;
    private final Peers peers;
    private final PrefixKeys prefixKeys;
    private final KernelRoutes kernelRoutes;
    private final RouteInput input = new RouteInput();

    /** The arguments after {@code chain} are the RIB's own tables ({@code RibLoop} accessors). */
    public KernelExport(PolicyChain chain, AttrsTable attrs, Peers peers, PrefixKeys prefixKeys, KernelRoutes kernelRoutes) {
        this.chain = chain == null ? PolicyChain.ALL : chain;
        this.attrs = attrs;
        this.peers = peers;
        this.prefixKeys = prefixKeys;
        this.kernelRoutes = kernelRoutes;
    }

    public PolicyChain chain() { return chain; }

    /**
     * The directives for installing {@code best} (a packed Loc-RIB candidate) at {@code prefixKey}
     * of {@code family}; null when the chain rejects it or there is no best route.
     */
    public KernelDirectives evaluate(Family family, long prefixKey, long best) {
        if (best == Candidates.NONE) return null;
        PeerInfo from = peers.get(Candidates.peer(best));
        if (from == null) return null;
        if (chain.acceptsAll()) return KernelDirectives.PLAIN;
        KernelFacts facts = from.kind() == PeerKind.KERNEL && kernelRoutes != null ? kernelRoutes.get(family, prefixKey) : null;
        if (family == Family.IPV4_UNICAST) {
            input.setV4(prefixKey, attrs.get(Candidates.attrs(best)), from, facts);
        } else {
            Prefix p = prefixKeys.prefix(family, prefixKey);
            input.set(family, p.hi(), p.lo(), p.length(), attrs.get(Candidates.attrs(best)), from, facts);
        }
        return chain.kernel(input);
    }
}
