package org.bgpd.rib.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionProcess;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.NextHops;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.Peers;

/**
 * The RIB event loop: the one thread that owns every RIB table (OpenBGPD's {@code rde_main},
 * BIRD's single loop). Other threads only {@link #offer} commands. Each {@link #turn} runs fixed
 * phases with budgets:
 * <ol>
 * <li>drain up to {@code batchSize} commands: intern attributes, update Adj-RIB-In and the
 *     Loc-RIB candidates, marking prefixes dirty (changes to one prefix coalesce);</li>
 * <li>flush walks of downed channels, up to {@code walkBudget} routes;</li>
 * <li>decide each dirty prefix once; a new best is exported to every update group, a new best
 *     or ECMP set goes to the {@link FibSink}; then answer the turn's queries;</li>
 * <li>feed walks for newly established peers, within the remaining budget;</li>
 * <li>each group sends its pending changes, withdrawals first.</li>
 * </ol>
 * {@code turn()} is a plain method, so tests drive the RIB with no threads at all.
 * <p>The RIB thread is owned by this class; {@link #offer} is safe from any thread, everything
 * else must be called on the RIB thread (or by a test that owns the loop).
 */
public final class RibLoop implements Runnable {
    private final Queue<RibCommand> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread owner;
    private volatile boolean running = true;

    private final int routerId;
    private final int batchSize;
    private final int walkBudget;
    private final AttrsTable attrs = new AttrsTable();
    private final Peers peers = new Peers();
    private final NextHops nextHops = new NextHops();
    private final DecisionProcess decision;
    private final LocRib locRib;
    private final FibSink fib;
    private AdjRibIn[] adjRibIn = new AdjRibIn[32];
    private boolean[] channelUp = new boolean[32];
    private boolean[] endOfRib = new boolean[32];
    private final List<UpdateGroup> groups = new ArrayList<>();
    private final ArrayDeque<RibWalk> flushes = new ArrayDeque<>();
    private final ArrayDeque<RibWalk> feeds = new ArrayDeque<>();
    private final List<RibWalk> finished = new ArrayList<>();
    private final List<RibCommand.Query> queries = new ArrayList<>();
    private final long[] multipathScratch = new long[64];
    private int turnWork;

    /**
     * @param routerId our BGP identifier, for the RFC 4456 §8 ORIGINATOR_ID loop check
     * @param fib null when routes are not installed (a pure route reflector)
     */
    public RibLoop(int routerId, DecisionOptions options, FibSink fib, int batchSize, int walkBudget) {
        this.routerId = routerId;
        this.batchSize = batchSize;
        this.walkBudget = walkBudget;
        this.fib = fib;
        this.decision = new DecisionProcess(attrs, peers, nextHops, options);
        this.locRib = new LocRib(attrs, decision);
    }

    /** Queues a command; wakes the RIB thread only when the inbox goes from empty to non-empty. */
    public void offer(RibCommand command) {
        inbox.offer(command);
        if (pending.getAndIncrement() == 0) {
            Thread t = owner;
            if (t != null) LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        owner = Thread.currentThread();
        while (running) {
            if (turn() == 0) {
                while (running && pending.get() == 0) LockSupport.park(this);
            }
        }
    }

    /** Asks {@link #run} to return after its current turn. Safe from any thread. */
    public void stop() {
        running = false;
        Thread t = owner;
        if (t != null) LockSupport.unpark(t);
    }

    /** One turn of the loop (see the class comment); @return units of work done, 0 when idle */
    public int turn() {
        turnWork = 0;
        int drained = 0;
        RibCommand c;
        while (drained < batchSize && (c = inbox.poll()) != null) {
            apply(c);
            drained++;
        }
        if (drained > 0) pending.addAndGet(-drained);
        turnWork += drained;

        int budget = runWalks(flushes, walkBudget);
        locRib.evaluateDirty(this::onChange);
        for (int i = 0; i < queries.size(); i++) queries.get(i).reply().accept(query(queries.get(i).prefix()));
        queries.clear();
        runWalks(feeds, budget);

        for (int i = 0; i < groups.size(); i++) {
            UpdateGroup g = groups.get(i);
            g.drain();
            g.endTurn();
        }
        for (int i = 0; i < finished.size(); i++) finished.get(i).finish();
        finished.clear();
        if (fib != null) fib.endOfBatch();
        return turnWork;
    }

    private int runWalks(ArrayDeque<RibWalk> walks, int budget) {
        while (budget > 0 && !walks.isEmpty()) {
            RibWalk w = walks.peek();
            int slice = Math.min(budget, walkBudget);
            boolean done = w.step(slice);
            budget -= slice;
            turnWork += slice;
            if (done) finished.add(walks.poll());
        }
        return budget;
    }

    private void apply(RibCommand command) {
        switch (command) {
            case RibCommand.AddPeer a -> peers.put(a.peer());
            case RibCommand.PeerUp u -> peerUp(u);
            case RibCommand.PeerDown d -> peerDown(d.peer());
            case RibCommand.Update u -> update(u.channel(), u.withdrawn(), u.announced(), u.attrs());
            case RibCommand.Originate o -> originate(o);
            case RibCommand.Unoriginate u -> unoriginate(u);
            case RibCommand.EndOfRib e -> { if (e.channel() < endOfRib.length) endOfRib[e.channel()] = true; }
            case RibCommand.Query q -> queries.add(q); // answered once this turn's changes are decided
        }
    }

    private void peerUp(RibCommand.PeerUp u) {
        PeerInfo peer = peers.get(u.peer());
        if (peer == null) return;
        for (Family f : u.families()) {
            int ch = openChannel(u.peer(), f);
            endOfRib[ch] = false;
            if (f == Family.IPV4_UNICAST) {
                UpdateGroup g = new UpdateGroup(f, peer, u.sink(), peers, attrs, decision.options().defaultLocalPref());
                groups.add(g);
                feeds.add(new FeedWalk(g, locRib));
            } else {
                u.sink().endOfRib(f); // no IPv6 Loc-RIB yet: nothing to feed
            }
        }
    }

    private void peerDown(int peer) {
        for (Family f : Family.values()) {
            int ch = Channels.index(peer, f);
            if (ch >= channelUp.length || !channelUp[ch]) continue;
            channelUp[ch] = false;
            flushes.add(new FlushWalk(ch, adjRibIn[ch].flush(), locRib));
        }
        for (int i = groups.size() - 1; i >= 0; i--) {
            UpdateGroup g = groups.get(i);
            if (g.hasMember(peer)) {
                g.close();
                groups.remove(i);
            }
        }
    }

    private int openChannel(int peer, Family f) {
        int ch = Channels.index(peer, f);
        if (ch >= adjRibIn.length) {
            int n = Math.max(ch + 1, adjRibIn.length * 2);
            adjRibIn = Arrays.copyOf(adjRibIn, n);
            channelUp = Arrays.copyOf(channelUp, n);
            endOfRib = Arrays.copyOf(endOfRib, n);
        }
        if (adjRibIn[ch] == null) adjRibIn[ch] = new AdjRibIn(attrs);
        channelUp[ch] = true;
        return ch;
    }

    private void update(int channel, NlriList withdrawn, NlriList announced, Attrs a) {
        if (channel >= channelUp.length || !channelUp[channel]) return; // late message from a closed session
        AdjRibIn in = adjRibIn[channel];
        if (withdrawn != null) withdraw(channel, in, withdrawn);
        if (announced == null || announced.isEmpty() || a == null) return;
        // RFC 4456 §8: a route carrying our own ORIGINATOR_ID has looped back; ignore it
        if (a.has(Attrs.HAS_ORIGINATOR_ID) && a.originatorId() == routerId) {
            withdraw(channel, in, announced);
            return;
        }
        int id = attrs.intern(a);
        boolean v4 = announced.family() == Family.IPV4_UNICAST;
        boolean addPath = announced.hasPathIds();
        for (int i = 0; i < announced.size(); i++) {
            if (addPath) {
                if (v4) in.update(announced.v4(i), announced.pathId(i), id); // ADD-PATH paths do not reach the Loc-RIB yet
            } else if (v4) {
                long p = announced.v4(i);
                if (in.update(p, id)) locRib.put(p, Candidates.pack(channel, id));
            } else {
                in.update(announced.prefix(i), id);
            }
        }
        attrs.release(id);
    }

    private void withdraw(int channel, AdjRibIn in, NlriList withdrawn) {
        boolean v4 = withdrawn.family() == Family.IPV4_UNICAST;
        boolean addPath = withdrawn.hasPathIds();
        for (int i = 0; i < withdrawn.size(); i++) {
            if (addPath) {
                if (v4) in.withdraw(withdrawn.v4(i), withdrawn.pathId(i));
            } else if (v4) {
                long p = withdrawn.v4(i);
                if (in.withdraw(p)) locRib.remove(p, channel);
            } else {
                in.withdraw(withdrawn.prefix(i));
            }
        }
    }

    private void originate(RibCommand.Originate o) {
        if (peers.get(o.peer()) == null || peers.get(o.peer()).isBgp()) return;
        int ch = openChannel(o.peer(), o.prefix().family());
        NlriList one = NlriList.builder(o.prefix().family(), false, 1).add(o.prefix(), 0).build();
        update(ch, null, one, o.attrs());
    }

    private void unoriginate(RibCommand.Unoriginate u) {
        int ch = Channels.index(u.peer(), u.prefix().family());
        NlriList one = NlriList.builder(u.prefix().family(), false, 1).add(u.prefix(), 0).build();
        update(ch, one, null, null);
    }

    private void onChange(long prefix, int what) {
        turnWork++;
        if ((what & LocRib.BEST_CHANGED) != 0) {
            long best = locRib.best(prefix);
            for (int i = 0; i < groups.size(); i++) groups.get(i).export(prefix, best);
        }
        if (fib != null) {
            int k = locRib.multipath(prefix, multipathScratch);
            NextHop[] nhs = new NextHop[k];
            for (int i = 0; i < k; i++) nhs[i] = attrs.get(Candidates.attrs(multipathScratch[i])).nextHop();
            fib.route(prefix, nhs, k == 0 ? null : peers.get(Candidates.peer(multipathScratch[0])).kind());
        }
    }

    private List<RouteView> query(Prefix prefix) {
        if (prefix.family() != Family.IPV4_UNICAST) return List.of();
        long p = prefix.packed();
        long[] all = new long[locRib.candidateCount(p)];
        int n = locRib.candidates(p, all);
        int k = locRib.multipath(p, multipathScratch);
        List<RouteView> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean best = k > 0 && i == 0;
            int why = i == 0 ? 0 : Math.abs(decision.compare(all[0], all[i]));
            out.add(new RouteView(prefix, Candidates.peer(all[i]), attrs.get(Candidates.attrs(all[i])), best, i < k, why));
        }
        return out;
    }

    // Read-only views for tests, statistics and `show memory`; RIB thread only.

    public AttrsTable attrsTable() { return attrs; }

    public LocRib locRib() { return locRib; }

    public NextHops nextHops() { return nextHops; }

    public Peers peers() { return peers; }

    /** The channel's Adj-RIB-In, or null if it was never opened. */
    public AdjRibIn adjRibIn(int channel) { return channel < adjRibIn.length ? adjRibIn[channel] : null; }

    public boolean endOfRibReceived(int channel) { return channel < endOfRib.length && endOfRib[channel]; }

    /** True while flush or feed walks remain. */
    public boolean walking() { return !flushes.isEmpty() || !feeds.isEmpty(); }
}
