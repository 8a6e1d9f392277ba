package org.bgpd.config.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bgpd.config.model.ControlSocket;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.DynamicPeerConfig;
import org.bgpd.config.model.FamilyConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.config.model.StaticRoute;

/**
 * Immutable; safe to share. What a reload from one valid configuration to another must do, so
 * that only what changed is touched (DESIGN.md "Configuration"). Peers are matched by name.
 *
 * <ul>
 * <li>{@code globalReset}: router-id or local-as changed; every kept peer resets.</li>
 * <li>{@code listenerRebind}: the listen address or port changed.</li>
 * <li>static routes and control sockets: removed first, then added; a changed static route
 *     appears in both lists.</li>
 * <li>{@code kernelResync}: kernel table, protocol, learn filter or enabled changed;
 *     {@code kernelRefeed}: its export chain or a policy in it changed.</li>
 * </ul>
 */
public record ConfigDiff(
        boolean globalReset,
        boolean listenerRebind,
        List<ControlSocket> controlSocketsRemoved,
        List<ControlSocket> controlSocketsAdded,
        List<StaticRoute> staticRoutesRemoved,
        List<StaticRoute> staticRoutesAdded,
        List<PeerChange> peers,
        List<PeerChange> dynamicPeers,
        boolean kernelResync,
        boolean kernelRefeed,
        boolean logLevelChanged) {

    public ConfigDiff {
        controlSocketsRemoved = List.copyOf(controlSocketsRemoved);
        controlSocketsAdded = List.copyOf(controlSocketsAdded);
        staticRoutesRemoved = List.copyOf(staticRoutesRemoved);
        staticRoutesAdded = List.copyOf(staticRoutesAdded);
        peers = List.copyOf(peers);
        dynamicPeers = List.copyOf(dynamicPeers);
    }

    public static ConfigDiff between(DaemonConfig old, DaemonConfig now) {
        boolean global = !old.routerId().equals(now.routerId()) || old.localAs() != now.localAs();
        boolean clusterChanged = !old.clusterId().equals(now.clusterId());
        Set<String> changedPolicies = PolicyUse.changedPolicies(old, now);

        Map<String, Session> oldPeers = new LinkedHashMap<>();
        Map<String, Session> newPeers = new LinkedHashMap<>();
        for (PeerConfig p : old.peers()) {
            oldPeers.put(p.name(), new Session(List.of(p.address(), p.remoteAs()), p.settings()));
        }
        for (PeerConfig p : now.peers()) {
            newPeers.put(p.name(), new Session(List.of(p.address(), p.remoteAs()), p.settings()));
        }
        Map<String, Session> oldDyn = new LinkedHashMap<>();
        Map<String, Session> newDyn = new LinkedHashMap<>();
        for (DynamicPeerConfig d : old.dynamicPeers()) {
            oldDyn.put(d.name(), new Session(List.of(d.acceptFrom(), d.remoteAs(), d.limit()), d.settings()));
        }
        for (DynamicPeerConfig d : now.dynamicPeers()) {
            newDyn.put(d.name(), new Session(List.of(d.acceptFrom(), d.remoteAs(), d.limit()), d.settings()));
        }
        Rules rules = new Rules(global, clusterChanged, changedPolicies);
        List<PeerChange> peers = rules.compare(oldPeers, newPeers);
        List<PeerChange> dynamic = rules.compare(oldDyn, newDyn);

        boolean kernelResync = old.kernel().enabled() != now.kernel().enabled()
                || old.kernel().table() != now.kernel().table()
                || old.kernel().protocol() != now.kernel().protocol()
                || !old.kernel().learn().equals(now.kernel().learn());
        boolean kernelRefeed = !old.kernel().exportPolicies().equals(now.kernel().exportPolicies())
                || PolicyUse.anyIn(now.kernel().exportPolicies(), changedPolicies);

        return new ConfigDiff(global, !old.listen().equals(now.listen()),
                minus(old.controlSockets(), now.controlSockets()), minus(now.controlSockets(), old.controlSockets()),
                minus(old.staticRoutes(), now.staticRoutes()), minus(now.staticRoutes(), old.staticRoutes()),
                peers, dynamic, kernelResync, kernelRefeed, old.logLevel() != now.logLevel());
    }

    /** The change for peer {@code name}, or null if it is in neither configuration. */
    public PeerChange peer(String name) {
        for (PeerChange c : peers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public PeerChange dynamicPeer(String name) {
        for (PeerChange c : dynamicPeers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** True when applying this diff would do nothing. */
    public boolean isEmpty() {
        for (PeerChange c : peers) {
            if (!c.has(PeerAction.KEEP)) {
                return false;
            }
        }
        for (PeerChange c : dynamicPeers) {
            if (!c.has(PeerAction.KEEP)) {
                return false;
            }
        }
        return !globalReset && !listenerRebind && controlSocketsAdded.isEmpty() && controlSocketsRemoved.isEmpty()
                && staticRoutesAdded.isEmpty() && staticRoutesRemoved.isEmpty() && !kernelResync && !kernelRefeed
                && !logLevelChanged;
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>();
        for (T t : a) {
            if (!b.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Who the neighbor is (address and AS, or a dynamic group's range, AS set and limit) and its settings. */
    private record Session(List<Object> identity, PeerSettings settings) {
    }

    /** The per-peer rules: which setting changes need which action. */
    private record Rules(boolean global, boolean clusterChanged, Set<String> changedPolicies) {

        List<PeerChange> compare(Map<String, Session> old, Map<String, Session> now) {
            List<PeerChange> out = new ArrayList<>();
            for (String name : old.keySet()) {
                if (!now.containsKey(name)) {
                    out.add(PeerChange.of(name, PeerAction.DELETE));
                }
            }
            for (Map.Entry<String, Session> e : now.entrySet()) {
                String name = e.getKey();
                Session was = old.get(name);
                Session is = e.getValue();
                if (was == null) {
                    out.add(PeerChange.of(name, PeerAction.ADD));
                } else if (global || !was.identity().equals(is.identity()) || needsReset(was.settings(), is.settings())) {
                    out.add(PeerChange.of(name, PeerAction.RESET_SESSION));
                } else {
                    out.add(new PeerChange(name, softActions(was.settings(), is.settings())));
                }
            }
            return out;
        }

        private static boolean needsReset(PeerSettings a, PeerSettings b) {
            if (!a.localAddress().equals(b.localAddress()) || a.port() != b.port() || a.passive() != b.passive()
                    || !a.password().equals(b.password()) || !a.timers().equals(b.timers())
                    || !a.multihop().equals(b.multihop()) || a.ttlSecurity() != b.ttlSecurity()
                    || !a.gracefulRestart().equals(b.gracefulRestart()) || a.disabled() != b.disabled()
                    // The OPEN carries the local AS; looped routes are dropped, not kept, so a new
                    // allow-local-as needs the peer's routes again (as BIRD restarts the session).
                    || !a.localAs().equals(b.localAs()) || a.allowLocalAs() != b.allowLocalAs()
                    || a.families().size() != b.families().size()) {
                return true;
            }
            // Families and ADD-PATH are capabilities in the OPEN (RFC 4760, RFC 7911): only a new session renegotiates them.
            for (int i = 0; i < a.families().size(); i++) {
                FamilyConfig fa = a.families().get(i);
                FamilyConfig fb = b.families().get(i);
                if (fa.family() != fb.family() || fa.addPath() != fb.addPath()) {
                    return true;
                }
            }
            return false;
        }

        private Set<PeerAction> softActions(PeerSettings a, PeerSettings b) {
            boolean refeed = clusterChanged || a.nextHopSelf() != b.nextHopSelf() || a.nextHopKeep() != b.nextHopKeep()
                    || a.rrClient() != b.rrClient();
            // RFC 4456 §8: the cluster id is also checked on import (CLUSTER_LIST loop detection).
            boolean reload = clusterChanged;
            for (int i = 0; i < a.families().size(); i++) {
                FamilyConfig fa = a.families().get(i);
                FamilyConfig fb = b.families().get(i);
                refeed |= !fa.exportPolicies().equals(fb.exportPolicies())
                        || PolicyUse.anyIn(fb.exportPolicies(), changedPolicies);
                reload |= !fa.importPolicies().equals(fb.importPolicies())
                        || PolicyUse.anyIn(fb.importPolicies(), changedPolicies)
                        || !Objects.equals(fa.maxPrefix(), fb.maxPrefix());
            }
            Set<PeerAction> actions = EnumSet.noneOf(PeerAction.class);
            if (refeed) {
                actions.add(PeerAction.REFEED_EXPORT);
            }
            if (reload) {
                actions.add(PeerAction.RELOAD_IMPORT);
            }
            if (actions.isEmpty()) {
                actions.add(PeerAction.KEEP);
            }
            return actions;
        }
    }
}
