package org.bgpd.rib.policy;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.AttrsBuilder;

/**
 * A peer's import or export chain, compiled: policies evaluated in order, each rule's changes
 * accumulating until a rule or a policy default accepts or rejects; {@link Verdict#NEXT} as a
 * default passes the route on, and falling off the end rejects (README "Policy chains").
 * <p>Evaluation is a pure function of the {@link RouteInput} and splits in two so the hot path
 * allocates nothing: {@link #decide} walks the rules and returns {@link #REJECT} or a bit mask of
 * the attribute-changing rules that fired (0: the attributes pass unchanged); {@link #apply}
 * builds the changed set only when needed. Equal masks for the same input attributes give equal
 * results, so callers cache built sets by (attrs id, mask) unless {@link #UNCACHEABLE} is set
 * (more than 62 changing rules). The kernel export reads device/onlink with {@link #evaluate}.
 * <p>Identity is the compiled object: the compiler hands out one instance per distinct chain,
 * and update groups are keyed by it. Immutable; safe to share.
 */
public final class PolicyChain {
    /** {@link #decide}'s result for a rejected route. */
    public static final long REJECT = Long.MIN_VALUE;
    /** Set in a mask when a changing rule beyond the 62nd fired: do not cache by mask. */
    public static final long UNCACHEABLE = 1L << 62;

    public static final PolicyChain ALL = new PolicyChain("all", List.of(Policy.ALL));
    public static final PolicyChain NONE = new PolicyChain("none", List.of(Policy.NONE));

    private final String name;
    private final Policy[] policies;
    /** Per policy, per rule: the mask bit of an attribute-changing rule, -1 for the others. */
    private final int[][] bits;

    public PolicyChain(String name, List<Policy> policies) {
        this.name = name;
        this.policies = policies.toArray(new Policy[0]);
        this.bits = new int[this.policies.length][];
        int next = 0;
        for (int i = 0; i < this.policies.length; i++) {
            List<Rule> rules = this.policies[i].rules();
            bits[i] = new int[rules.size()];
            for (int j = 0; j < rules.size(); j++) bits[i][j] = rules.get(j).changesAttrs() ? Math.min(next++, 62) : -1;
        }
    }

    public String name() { return name; }

    public List<Policy> policies() { return List.of(policies); }

    /** True for the built-in {@code all}: callers skip evaluation entirely. */
    public boolean acceptsAll() { return this == ALL; }

    /** The route's fate: {@link #REJECT}, or accepted with the mask of attribute-changing rules that fired. */
    public long decide(RouteInput r) { return walk(r, null); }

    public static boolean rejected(long decision) { return decision == REJECT; }

    /**
     * The attributes the chain gives the route, starting from {@code base} ({@code r}'s attrs on
     * import, the export-rewritten set on export): {@code base} itself when no attribute changes
     * apply, null when rejected.
     */
    public Attrs apply(RouteInput r, Attrs base) {
        Effects e = new Effects(base);
        if (walk(r, e) == REJECT) return null;
        return e.builder == null ? base : e.builder.build();
    }

    /** Both results at once, for the kernel export and tests: null when rejected. */
    public Outcome evaluate(RouteInput r, Attrs base) {
        Effects e = new Effects(base);
        if (walk(r, e) == REJECT) return null;
        Attrs out = e.builder == null ? base : e.builder.build();
        KernelDirectives k = e.device == null && !e.onlink ? KernelDirectives.PLAIN : new KernelDirectives(e.device, e.onlink);
        return new Outcome(out, k);
    }

    /**
     * The kernel export's question: null when rejected, else the device and onlink directives.
     * Attribute changes are not built.
     */
    public KernelDirectives kernel(RouteInput r) {
        if (this == ALL) return KernelDirectives.PLAIN;
        Effects e = new Effects(null);
        if (walk(r, e) == REJECT) return null;
        return e.device == null && !e.onlink ? KernelDirectives.PLAIN : new KernelDirectives(e.device, e.onlink);
    }

    /** An accepted route: its attributes and how the kernel export installs it. */
    public record Outcome(Attrs attrs, KernelDirectives kernel) {}

    private long walk(RouteInput r, Effects e) {
        long mask = 0;
        for (int pi = 0; pi < policies.length; pi++) {
            Policy p = policies[pi];
            List<Rule> rules = p.rules();
            for (int ri = 0; ri < rules.size(); ri++) {
                Rule rule = rules.get(ri);
                if (!rule.holds(r)) continue;
                int bit = bits[pi][ri];
                if (bit >= 0) mask |= bit < 62 ? 1L << bit : UNCACHEABLE;
                if (e != null) e.apply(rule.actions(), r.attrs);
                if (rule.verdict() == Verdict.ACCEPT) return mask;
                if (rule.verdict() == Verdict.REJECT) return REJECT;
            }
            if (p.defaultVerdict() == Verdict.ACCEPT) return mask;
            if (p.defaultVerdict() == Verdict.REJECT) return REJECT;
        }
        return REJECT;
    }

    /** RFC 8212 §2: without a configured policy an eBGP session imports and exports nothing; iBGP and local sources everything. */
    public static PolicyChain rfc8212Default(PeerInfo peer) {
        return peer.isBgp() && !peer.ibgp() ? NONE : ALL;
    }

    /** The import chain for {@code peer}'s {@code family} channel: the configured one or the RFC 8212 default. */
    public static PolicyChain importFor(PeerInfo peer, Family family) {
        PolicyChain c = peer.policies().importChain(family);
        return c != null ? c : rfc8212Default(peer);
    }

    /** The export chain towards {@code peer} for {@code family}: the configured one or the RFC 8212 default. */
    public static PolicyChain exportFor(PeerInfo peer, Family family) {
        PolicyChain c = peer.policies().exportChain(family);
        return c != null ? c : rfc8212Default(peer);
    }

    @Override
    public String toString() { return "PolicyChain[" + name + "]"; }

    /** The changes of one evaluation, made only when someone asks for them. */
    private static final class Effects {
        final Attrs base;
        AttrsBuilder builder;
        String device;
        boolean onlink;

        Effects(Attrs base) {
            this.base = base;
        }

        void apply(List<Action> actions, Attrs original) {
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                switch (a) {
                    case Action.KernelDevice d -> device = d.device();
                    case Action.Onlink o -> onlink = o.on();
                    default -> {
                        if (base == null) continue; // only kernel directives were asked for
                        if (builder == null) builder = AttrsBuilder.from(base);
                        a.apply(builder, original);
                    }
                }
            }
        }
    }
}
