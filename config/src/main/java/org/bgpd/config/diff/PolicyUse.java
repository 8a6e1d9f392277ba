package org.bgpd.config.diff;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.bgpd.config.model.PolicyConfig;
import org.bgpd.config.model.PolicyRule;
import org.bgpd.config.model.RouteMatch;

/**
 * Stateless. Finds the policies whose meaning differs between two configurations: the body
 * changed, or a prefix list or peer address it refers to by name changed.
 */
final class PolicyUse {

    private PolicyUse() {
    }

    static Set<String> changedPolicies(DaemonConfig a, DaemonConfig b) {
        Set<String> changedLists = new HashSet<>();
        Set<String> listNames = new HashSet<>(a.prefixLists().keySet());
        listNames.addAll(b.prefixLists().keySet());
        for (String n : listNames) {
            if (!Objects.equals(a.prefixLists().get(n), b.prefixLists().get(n))) {
                changedLists.add(n);
            }
        }
        Set<String> changed = new HashSet<>();
        Set<String> names = new HashSet<>(a.policies().keySet());
        names.addAll(b.policies().keySet());
        for (String n : names) {
            PolicyConfig pa = a.policies().get(n);
            PolicyConfig pb = b.policies().get(n);
            if (!Objects.equals(pa, pb) || (pb != null && refersToChanged(pb, changedLists, a, b))) {
                changed.add(n);
            }
        }
        return changed;
    }

    private static boolean refersToChanged(PolicyConfig p, Set<String> changedLists, DaemonConfig a, DaemonConfig b) {
        for (PolicyRule r : p.rules()) {
            if (refersToChanged(r.match(), changedLists, a, b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersToChanged(RouteMatch m, Set<String> changedLists, DaemonConfig a, DaemonConfig b) {
        for (String l : m.prefixLists()) {
            if (changedLists.contains(l)) {
                return true;
            }
        }
        for (String peer : m.neighborPeers()) {
            PeerConfig pa = a.peer(peer);
            PeerConfig pb = b.peer(peer);
            if (pa == null && pb == null) {
                continue;
            }
            if (pa == null || pb == null || !pa.address().equals(pb.address())) {
                return true;
            }
        }
        return m.not().isPresent() && refersToChanged(m.not().get(), changedLists, a, b);
    }

    static boolean anyIn(Iterable<String> chain, Set<String> changed) {
        for (String s : chain) {
            if (changed.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
