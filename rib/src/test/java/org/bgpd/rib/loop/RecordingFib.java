package org.bgpd.rib.loop;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/** A FIB that keeps the routes it was given and counts the calls. Not thread-safe. */
final class RecordingFib implements FibSink {
    final Long2ObjectOpenHashMap<NextHop[]> routes = new Long2ObjectOpenHashMap<>();
    final Map<Prefix, NextHop[]> routes6 = new HashMap<>();
    final Map<Prefix, KernelDirectives[]> how = new HashMap<>();
    final List<NextHop> watched = new ArrayList<>();
    int calls;

    @Override
    public void route(long prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        this.how.put(Prefix.ofPacked(prefix), how);
        route(prefix, nextHops, source);
    }

    @Override
    public void route6(Prefix prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        this.how.put(prefix, how);
        route6(prefix, nextHops, source);
    }

    @Override
    public void watchNextHop(NextHop nextHop) { watched.add(nextHop); }

    @Override
    public void route(long prefix, NextHop[] nextHops, PeerKind source) {
        calls++;
        if (nextHops.length == 0) routes.remove(prefix);
        else routes.put(prefix, nextHops);
    }

    @Override
    public void route6(Prefix prefix, NextHop[] nextHops, PeerKind source) {
        calls++;
        if (nextHops.length == 0) routes6.remove(prefix);
        else routes6.put(prefix, nextHops);
    }
}
