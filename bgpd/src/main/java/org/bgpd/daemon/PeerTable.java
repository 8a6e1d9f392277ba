package org.bgpd.daemon;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers the daemon runs, by name and by remote address, and the RIB peer indexes they hold.
 * Thread-safe: every method synchronises on the table (reloads run on the caller's thread,
 * dynamic peers come and go on the session event loops, the listener looks up on them too).
 *
 * <p>A freed index is reused only after {@link #QUARANTINE} others have been freed after it: a
 * removed peer's routes leave the Loc-RIB over several RIB turns, keyed by its channel index,
 * and a newcomer on the same index must not have its routes flushed with them.
 */
final class PeerTable {
    static final int QUARANTINE = 16;

    private final Map<String, RunningPeer> byName = new LinkedHashMap<>();
    private final Map<InetAddress, RunningPeer> byAddress = new HashMap<>();
    private final ArrayDeque<Integer> freed = new ArrayDeque<>();
    private int nextIndex;

    /** @param firstIndex the lowest index for BGP peers (those below belong to pseudo-peers) */
    PeerTable(int firstIndex) {
        this.nextIndex = firstIndex;
    }

    synchronized int allocateIndex() {
        if (freed.size() > QUARANTINE) return freed.poll();
        return nextIndex++;
    }

    /** Releases an index that was allocated but never added (a refused dynamic session). */
    synchronized void releaseIndex(int index) {
        freed.add(index);
    }

    /** Adds {@code p}; false (and nothing changes) when its name or address is taken. */
    synchronized boolean add(RunningPeer p) {
        if (byName.containsKey(p.name()) || byAddress.containsKey(p.address())) return false;
        byName.put(p.name(), p);
        byAddress.put(p.address(), p);
        return true;
    }

    /** Adds dynamic peer {@code p} unless its group already runs {@code limit} sessions. */
    synchronized boolean addWithin(RunningPeer p, int limit) {
        return inGroup(p.group()).size() < limit && add(p);
    }

    /** Removes exactly {@code p} (not a successor with the same name) and frees its index. */
    synchronized boolean remove(RunningPeer p) {
        if (byName.get(p.name()) != p) return false;
        byName.remove(p.name());
        byAddress.remove(p.address(), p);
        freed.add(p.index());
        return true;
    }

    synchronized RunningPeer byName(String name) { return byName.get(name); }

    synchronized RunningPeer byAddress(InetAddress a) { return byAddress.get(a); }

    /** Every peer, configured ones in configuration order, then dynamic ones as they came. */
    synchronized List<RunningPeer> all() { return new ArrayList<>(byName.values()); }

    /** The running sessions of dynamic-peers entry {@code group}. */
    synchronized List<RunningPeer> inGroup(String group) {
        List<RunningPeer> out = new ArrayList<>();
        for (RunningPeer p : byName.values()) if (group.equals(p.group())) out.add(p);
        return out;
    }

    /** The TCP-MD5 keys the listening socket needs, by peer address. */
    synchronized Map<InetAddress, byte[]> md5Keys() {
        Map<InetAddress, byte[]> out = new HashMap<>();
        for (RunningPeer p : byName.values()) if (p.md5Key() != null) out.put(p.address(), p.md5Key());
        return out;
    }
}
