package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.config.diff.ConfigDiff;
import org.bgpd.config.diff.PeerAction;
import org.bgpd.config.diff.PeerChange;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.wire.NotifyCode;

/**
 * What a reload from {@code old} to {@code now} does, as ordered {@link ReloadStep}s: a pure
 * function of the two configurations, so it is tested without sockets. {@code refusals} lists
 * changes the running daemon cannot take (the reload is then refused as a whole).
 *
 * <p>Order: rebind first (the one step that can fail), then withdrawals and stops, resets,
 * starts, refeeds, import reloads, originations, and last the stops that wait for the new peers
 * (make-before-break: when a reload removes peers and adds others, e.g. a full mesh replaced by
 * route reflectors, the removed peers' routes stay until the new peers have delivered theirs).
 * Immutable; safe to share.
 */
public record ReloadPlan(ConfigDiff diff, List<ReloadStep> steps, List<String> refusals) {

    public ReloadPlan {
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
    }

    public static ReloadPlan between(DaemonConfig old, DaemonConfig now) {
        ConfigDiff diff = ConfigDiff.between(old, now);
        List<String> refusals = new ArrayList<>();
        // The RIB takes both at construction (RFC 4456 §8 loop checks); changing them needs a restart.
        if (!old.routerId().equals(now.routerId())) refusals.add("changing router-id needs a restart");
        if (!old.clusterId().equals(now.clusterId())) refusals.add("changing cluster-id needs a restart");
        // The in-daemon renderer is started once; its own output must not restart or stop it (see EmbeddedConfd).
        if (!old.confd().equals(now.confd())) refusals.add("changing the confd section needs a restart");
        // The FIB thread, its netlink sockets and the learner are built once at start.
        if (diff.kernelResync()) refusals.add("changing kernel enabled, table, protocol or learn needs a restart");
        // Sockets are bound once; a reload usually arrives over one of them.
        if (!diff.controlSocketsAdded().isEmpty() || !diff.controlSocketsRemoved().isEmpty()) {
            refusals.add("adding or removing control sockets needs a restart");
        }

        boolean replacing = false;
        boolean removing = false;
        for (PeerChange c : diff.peers()) {
            if (c.has(PeerAction.ADD) && !now.peer(c.name()).settings().disabled()) replacing = true;
            if (c.has(PeerAction.DELETE)) removing = true;
        }
        for (PeerChange c : diff.dynamicPeers()) if (c.has(PeerAction.DELETE)) removing = true;
        boolean makeBeforeBreak = replacing && removing;

        List<ReloadStep> first = new ArrayList<>();
        List<ReloadStep> resets = new ArrayList<>();
        List<ReloadStep> starts = new ArrayList<>();
        List<ReloadStep> soft = new ArrayList<>();
        List<ReloadStep> last = new ArrayList<>();
        if (diff.listenerRebind()) first.add(new ReloadStep.Rebind(now.listen()));
        if (diff.logLevelChanged()) first.add(new ReloadStep.SetLogLevel(now.logLevel()));
        if (old.localAs() != now.localAs()) first.add(new ReloadStep.RedescribeLocal(now.localAs()));
        for (StaticRoute r : diff.staticRoutesRemoved()) first.add(new ReloadStep.Unoriginate(r));

        for (PeerChange c : diff.peers()) {
            String name = c.name();
            if (c.has(PeerAction.DELETE)) {
                ReloadStep stop = new ReloadStep.StopPeer(name, NotifyCode.PEER_DECONFIGURED, makeBeforeBreak);
                (makeBeforeBreak ? last : first).add(stop);
            } else if (c.has(PeerAction.ADD)) {
                starts.add(new ReloadStep.StartPeer(now.peer(name)));
            } else if (c.has(PeerAction.RESET_SESSION)) {
                resets.add(new ReloadStep.ResetPeer(now.peer(name)));
            } else {
                // rr-client and next-hop mode included: the RIB moves the live session to its new update group
                if (c.has(PeerAction.REFEED_EXPORT)) soft.add(new ReloadStep.RefeedExport(name));
                if (c.has(PeerAction.RELOAD_IMPORT)) soft.add(new ReloadStep.ReloadImport(name));
            }
        }
        for (PeerChange c : diff.dynamicPeers()) {
            String name = c.name();
            if (c.has(PeerAction.DELETE)) {
                ReloadStep stop = new ReloadStep.StopPeer(name, NotifyCode.PEER_DECONFIGURED, makeBeforeBreak);
                (makeBeforeBreak ? last : first).add(stop);
            } else if (c.has(PeerAction.ADD)) {
                continue; // sessions arrive on their own
            } else if (c.has(PeerAction.RESET_SESSION)) {
                // Their sessions reconnect and are accepted with the new settings.
                first.add(new ReloadStep.StopPeer(name, NotifyCode.OTHER_CONFIGURATION_CHANGE, false));
            } else {
                if (c.has(PeerAction.REFEED_EXPORT)) soft.add(new ReloadStep.RefeedExport(name));
                if (c.has(PeerAction.RELOAD_IMPORT)) soft.add(new ReloadStep.ReloadImport(name));
            }
        }
        for (StaticRoute r : diff.staticRoutesAdded()) soft.add(new ReloadStep.Originate(r));

        List<ReloadStep> steps = new ArrayList<>(first);
        steps.addAll(resets);
        steps.addAll(starts);
        steps.addAll(soft);
        steps.addAll(last);
        return new ReloadPlan(diff, steps, refusals);
    }

    /** True when the plan changes nothing. */
    public boolean isEmpty() { return steps.isEmpty(); }
}
