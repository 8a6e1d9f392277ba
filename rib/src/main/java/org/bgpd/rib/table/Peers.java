package org.bgpd.rib.table;

import java.util.Arrays;

/**
 * The peer table: {@link PeerInfo} by index, so candidates and channels store only an int.
 * Owned by the RIB thread; not thread-safe.
 */
public final class Peers {
    private PeerInfo[] byIndex = new PeerInfo[16];

    /** Adds or replaces the peer at {@code info.index()}. */
    public void put(PeerInfo info) {
        if (info.index() >= byIndex.length) byIndex = Arrays.copyOf(byIndex, Math.max(byIndex.length * 2, info.index() + 1));
        byIndex[info.index()] = info;
    }

    public void remove(int index) {
        if (index < byIndex.length) byIndex[index] = null;
    }

    /** The peer at {@code index}, or null. */
    public PeerInfo get(int index) { return index < byIndex.length ? byIndex[index] : null; }

    /** One past the highest index in use, for walks. */
    public int limit() {
        int n = byIndex.length;
        while (n > 0 && byIndex[n - 1] == null) n--;
        return n;
    }
}
