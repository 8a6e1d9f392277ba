package org.bgpd.rib.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.bgpd.rib.adjout.GroupKey;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionProcess;
import org.bgpd.rib.policy.KernelRoutes;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.NextHops;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixKeys;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;

/**
 * The RIB event loop: the one thread that owns every RIB table (OpenBGPD's {@code rde_main},
 * BIRD's single loop). Other threads only {@link #offer} commands. Each {@link #turn} runs fixed
 * phases with budgets:
 * <ol>
 * <li>drain up to {@code batchSize} commands ({@link CommandCost}): intern attributes, loop checks, Adj-RIB-In and
 *     Loc-RIB candidates ({@link RouteImport}), marking prefixes dirty (changes coalesce);</li>
 * <li>flush walks of downed channels, up to {@code walkBudget} routes;</li>
 * <li>decide each dirty prefix once, per family; a new best is exported to every update group
 *     of that family, a new best or ECMP set goes to the {@link FibSink}; then answer queries;</li>
 * <li>feed walks for newly established peers within the remaining budget, and one budget of
 *     {@code show route} walks;</li>
 * <li>each group encodes its pending changes once and sends them to its members, withdrawals
 *     first; End-of-RIB follows a finished feed.</li>
 * </ol>
 * Both families use the same tables on {@code long} prefix keys ({@link PrefixKeys}).
 * {@code turn()} is a plain method, so tests drive the RIB with no threads at all.
 * <p>The RIB thread is owned by this class; {@link #offer} is safe from any thread, everything
 * else must be called on the RIB thread (or by a test that owns the loop).
 */
public final class RibLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(RibLoop.class.getName());

    private final Queue<RibCommand> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread owner;
    private volatile boolean running = true;

    private final int clusterId;
    private final int batchSize;
    private final int walkBudget;
    private final LongSupplier clock;
    private final AttrsTable attrs = new AttrsTable();
    private final Peers peers = new Peers();
    private final NextHops nextHops = new NextHops();
    private final PrefixKeys prefixKeys = new PrefixKeys();
    private final DecisionProcess decision;
    private final LocRib[] locRibs = new LocRib[Family.values().length];
    private final FibSink fib;
    private final RouteImport routeImport;
    private final RibQueries queries;
    private final KernelRoutes kernelRoutes = new KernelRoutes();
    private final FibFeed fibFeed;
    private final StaleRoutes stale;
    private final PrefixLimits limits;
    private final ChannelTable channels = new ChannelTable(attrs);
    private long[] since = new long[16];
    private final UpdateGroups groups = new UpdateGroups();
    private final ArrayDeque<RibWalk> flushes = new ArrayDeque<>();
    private final ArrayDeque<RibWalk> feeds = new ArrayDeque<>();
    private final RouteWalks routeWalks = new RouteWalks();
    private final List<RibWalk> finished = new ArrayList<>();
    private final List<RibCommand> queries0 = new ArrayList<>();
    private final LocRib.ChangeVisitor onChange4 = (p, what) -> onChange(Family.IPV4_UNICAST, p, what);
    private final LocRib.ChangeVisitor onChange6 = (p, what) -> onChange(Family.IPV6_UNICAST, p, what);
    private int turnWork;
    private boolean exportDeferred;
    private final GroupMoves groupMoves = new GroupMoves(groups, feeds, this::newGroup, g -> new FeedWalk(g, locRibs[g.family().ordinal()]));

    /**
     * @param routerId our BGP identifier (RFC 4456 §8 ORIGINATOR_ID loop check)
     * @param clusterId our RFC 4456 cluster id (BIRD's default: the router id)
     * @param fib null when routes are not installed (a pure route reflector)
     * @param batchSize commands drained per turn, an UPDATE counting one per prefix ({@link CommandCost})
     * @param clock epoch milliseconds, for the "since" of {@code show route}
     */
    public RibLoop(int routerId, int clusterId, DecisionOptions options, FibSink fib, int batchSize, int walkBudget, LongSupplier clock) {
        this.clusterId = clusterId;
        this.batchSize = batchSize;
        this.walkBudget = walkBudget;
        this.fib = fib;
        this.clock = clock;
        this.decision = new DecisionProcess(attrs, peers, nextHops, options);
        for (Family f : Family.values()) locRibs[f.ordinal()] = new LocRib(attrs, decision, prefixKeys.index(f));
        for (LocRib r : locRibs) r.reportPathChanges(true); // ADD-PATH send groups want every path change
        this.routeImport = new RouteImport(attrs, prefixKeys, routerId, clusterId);
        this.queries = new RibQueries(locRibs, prefixKeys, attrs, peers, decision, this::since);
        this.fibFeed = fib == null ? null : new FibFeed(fib, attrs, peers, prefixKeys, kernelRoutes, nextHops);
        this.stale = new StaleRoutes(prefixKeys);
        this.limits = new PrefixLimits(prefixKeys);
    }

    /** Cluster id = router id, the system clock. */
    public RibLoop(int routerId, DecisionOptions options, FibSink fib, int batchSize, int walkBudget) {
        this(routerId, routerId, options, fib, batchSize, walkBudget, System::currentTimeMillis);
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
        int cost = 0;
        RibCommand c;
        while (cost < batchSize && (c = inbox.poll()) != null) {
            apply(c);
            drained++;
            cost += CommandCost.of(c);
        }
        if (drained > 0) pending.addAndGet(-drained);
        turnWork += drained;

        int budget = runWalks(flushes, walkBudget);
        locRibs[0].evaluateDirty(onChange4);
        locRibs[1].evaluateDirty(onChange6);
        for (int i = 0; i < queries0.size(); i++) answer(queries0.get(i));
        queries0.clear();
        if (!exportDeferred) runWalks(feeds, budget);
        turnWork += routeWalks.run(walkBudget);

        for (int i = 0; i < groups.size(); i++) {
            UpdateGroup g = groups.get(i);
            if (!exportDeferred) turnWork += g.drain();
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
            case RibCommand.AddPeer a -> addPeer(a.peer());
            case RibCommand.RemovePeer r -> removePeer(r.peer());
            case RibCommand.PeerUp u -> peerUp(u);
            case RibCommand.PeerDown d -> peerDown(d.peer());
            case RibCommand.PeerStale s -> peerStale(s.peer(), s.families());
            case RibCommand.FlushStale s -> flushStale(Channels.index(s.peer(), s.family()), s.family());
            case RibCommand.LongLivedStale s -> longLivedStale(Channels.index(s.peer(), s.family()), s.family());
            case RibCommand.Writable w -> { for (UpdateGroup g : groups) g.setWritable(w.peer(), w.writable()); }
            case RibCommand.PrefixLimit l -> limits.set(Channels.index(l.peer(), l.family()), l.limit(), l.block(), l.listener());
            case RibCommand.Update u -> update(u.peer(), u.update());
            case RibCommand.Originate o -> originate(o.peer(), o.prefix().family(), NlriList.builder(o.prefix().family(), false, 1).add(o.prefix(), 0).build(), o);
            case RibCommand.Unoriginate u -> originate(u.peer(), u.prefix().family(), NlriList.builder(u.prefix().family(), false, 1).add(u.prefix(), 0).build(), null);
            case RibCommand.QueryAll q -> routeWalks.add(new RouteWalk(queries, q));
            case RibCommand.MorePages m -> routeWalks.grant(m.walk(), m.pages());
            case RibCommand.CancelWalk w -> routeWalks.cancel(w.walk());
            case RibCommand.Query q -> queries0.add(q); // answered once this turn's changes are decided
            case RibCommand.QueryFor q -> queries0.add(q);
            case RibCommand.Stats s -> queries0.add(s);
            case RibCommand.DeferExport d -> exportDeferred = d.on();
            case RibCommand.NextHopState n -> { if (fibFeed != null) fibFeed.nextHopState(n, locRibs); }
            case RibCommand.KernelExportChain k -> { if (fibFeed != null) fibFeed.exportChain(k.chain(), locRibs); }
            case RibCommand.Refeed r -> {
                UpdateGroup g = groups.of(r.peer(), r.family());
                if (g != null) feeds.add(MemberFeed.refresh(g, r.peer(), r.begin(), r.end()));
            }
        }
    }

    private void answer(RibCommand q) {
        switch (q) {
            case RibCommand.Query e -> e.reply().accept(queries.exact(e.prefix()));
            case RibCommand.QueryFor f -> f.reply().accept(queries.longestMatch(f.address()));
            case RibCommand.Stats s -> s.reply().accept(RibStatsBuilder.build(peers, channels, groups, locRibs, attrs));
            default -> throw new IllegalStateException("not a query: " + q);
        }
    }

    private void addPeer(PeerInfo p) {
        if (p.index() >= since.length) since = Arrays.copyOf(since, Math.max(p.index() + 1, since.length * 2));
        PeerInfo old = peers.get(p.index());
        if (!p.isBgp() && old == null) since[p.index()] = clock.getAsLong();
        if (old != null && p.bgpId() == 0) p = p.withBgpId(old.bgpId()); // a reload keeps the OPEN's id
        peers.put(p);
        if (old != null && p.isBgp()) groupMoves.regroup(p);
    }

    private void removePeer(int peer) {
        PeerInfo p = peers.get(peer);
        if (p == null) return;
        peerDown(peer);
        // forget it once its routes are flushed: the decision process still reads it until then
        flushes.add(budget -> {
            if (peers.get(peer) == p) peers.remove(peer);
            return true;
        });
    }

    private void peerUp(RibCommand.PeerUp u) {
        PeerInfo peer = peers.get(u.peer());
        if (peer == null || !peer.isBgp()) {
            LOG.log(System.Logger.Level.WARNING, "PeerUp for unknown peer " + u.peer());
            return;
        }
        for (Family f : Family.values()) closeChannel(u.peer(), f, true); // a session replaced without PeerDown; stale routes stay
        if (peer.bgpId() != u.peerBgpId()) peers.put(peer = peer.withBgpId(u.peerBgpId()));
        since[u.peer()] = clock.getAsLong();
        for (Family f : Family.values()) {
            if (!u.families().contains(f)) continue;
            int ch = Channels.index(u.peer(), f);
            channels.open(ch);
            channels.endOfRib(ch, false);
            limits.rearm(ch);
            GroupKey key = GroupKey.of(f, peer, u.encode());
            UpdateGroup g = groups.find(key);
            if (g == null) {
                g = newGroup(key);
                g.addMember(u.peer(), u.sink());
                g.memberFed(u.peer());
                groups.add(g);
                feeds.add(new FeedWalk(g, locRibs[f.ordinal()]));
            } else {
                g.addMember(u.peer(), u.sink());
                feeds.add(new MemberFeed(g, u.peer(), u.sink()));
            }
        }
    }

    private UpdateGroup newGroup(GroupKey key) {
        return new UpdateGroup(key, peers, attrs, prefixKeys, clusterId, decision.options().defaultLocalPref(), kernelRoutes);
    }

    private void peerDown(int peer) {
        for (Family f : Family.values()) closeChannel(peer, f, false);
    }

    private void peerStale(int peer, Set<Family> keep) {
        for (Family f : Family.values()) {
            int ch = Channels.index(peer, f);
            if (!keep.contains(f) || !channels.isUp(ch)) {
                closeChannel(peer, f, false);
                continue;
            }
            groups.leave(peer, f);
            stale.mark(ch, channels.in(ch));
            channels.endOfRib(ch, false);
        }
    }

    private void flushStale(int ch, Family f) {
        if (!stale.isStale(ch)) return; // also guards channels never opened
        RibWalk w = stale.flush(ch, channels.in(ch), locRibs[f.ordinal()]);
        if (w != null) flushes.add(w);
    }

    private void longLivedStale(int ch, Family f) {
        RibWalk w = stale.longLived(ch, channels.in(ch), locRibs[f.ordinal()], attrs);
        if (w != null) flushes.add(w);
    }

    /** Flushes the channel's routes (unless {@code keepStale} and they are stale) and stops exporting the family to the peer. */
    private void closeChannel(int peer, Family f, boolean keepStale) {
        int ch = Channels.index(peer, f);
        if (channels.isUp(ch) && !(keepStale && stale.isStale(ch))) {
            channels.down(ch);
            stale.forget(ch);
            flushes.add(new FlushWalk(ch, channels.in(ch).flush(), locRibs[f.ordinal()]));
        }
        groups.leave(peer, f);
    }

    private void update(int peer, InboundUpdate u) {
        PeerInfo from = peers.get(peer);
        if (from == null || !u.usable()) return;
        if (u.action() == ErrorAction.AFI_SAFI_DISABLE && u.errorFamily() != null && channels.isUp(Channels.index(peer, u.errorFamily()))) {
            // RFC 7606 §2 / RFC 4760 §7: as if the family had not been negotiated
            LOG.log(System.Logger.Level.WARNING, "peer " + peer + ": " + u.errorFamily().shortName() + " disabled after a malformed UPDATE: " + u.error());
            closeChannel(peer, u.errorFamily(), false);
        }
        if (u.isEndOfRib()) {
            int ch = Channels.index(peer, u.endOfRib());
            if (channels.isUp(ch)) channels.endOfRib(ch, true);
            flushStale(ch, u.endOfRib()); // RFC 4724 §4.2: stale routes not re-sent by End-of-RIB go
            return;
        }
        for (Family f : Family.values()) {
            int ch = Channels.index(peer, f);
            if (!channels.isUp(ch)) continue; // not negotiated, disabled, or a late message from a closed session
            if (fibFeed != null && u.attrs(f) != null) fibFeed.watch(u.attrs(f).nextHop());
            AdjRibIn in = channels.in(ch);
            NlriList announced = limits.admit(peer, ch, in, u.announced(f));
            routeImport.apply(ch, from, in, locRibs[f.ordinal()], u.withdrawn(f), announced, u.attrs(f));
            limits.check(peer, f, ch, in);
            if (stale.isStale(ch)) stale.refreshed(ch, u.announced(f), u.withdrawn(f));
        }
    }

    private void originate(int peer, Family f, NlriList one, RibCommand.Originate o) {
        PeerInfo from = peers.get(peer);
        if (from == null || from.isBgp()) return;
        int ch = Channels.index(peer, f);
        if (o != null) channels.open(ch);
        if (!channels.isUp(ch)) return;
        if (from.kind() == PeerKind.KERNEL) kernelRoutes.set(f, prefixKeys.key(one.prefix(0)), o == null ? null : o.kernel());
        if (o != null) routeImport.apply(ch, from, channels.in(ch), locRibs[f.ordinal()], null, one, o.attrs());
        else routeImport.apply(ch, from, channels.in(ch), locRibs[f.ordinal()], one, null, null);
    }

    private void onChange(Family f, long prefix, int what) {
        turnWork++;
        LocRib rib = locRibs[f.ordinal()];
        long best = rib.best(prefix);
        for (int i = 0; i < groups.size(); i++) {
            UpdateGroup g = groups.get(i);
            if (g.family() != f) continue;
            if (g.addPath()) g.export(prefix, rib);
            else if ((what & LocRib.BEST_CHANGED) != 0) g.export(prefix, best);
        }
        if (fibFeed != null && (what & (LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED)) != 0) fibFeed.send(f, prefix, rib);
    }

    private long since(int peer) { return peer < since.length ? since[peer] : 0; }

    // Read-only views for tests, statistics and `show memory`; RIB thread only.

    public AttrsTable attrsTable() { return attrs; }

    /** The IPv4 Loc-RIB. */
    public LocRib locRib() { return locRibs[0]; }

    public LocRib locRib(Family f) { return locRibs[f.ordinal()]; }

    public PrefixKeys prefixKeys() { return prefixKeys; }

    public NextHops nextHops() { return nextHops; }

    public Peers peers() { return peers; }

    /** The update groups of a family, for tests and {@code show memory}. */
    public List<UpdateGroup> groups(Family f) { return groups.of(f); }

    /** The channel's Adj-RIB-In, or null if it was never opened. */
    public AdjRibIn adjRibIn(int channel) { return channels.in(channel); }

    public boolean endOfRibReceived(int channel) { return channels.endOfRib(channel); }

    /** Facts of kernel-learned routes, for the kernel export chain ({@code org.bgpd.rib.policy.KernelExport}). */
    public KernelRoutes kernelRoutes() { return kernelRoutes; }

    /** Routes the import chains rejected since start. */
    public long importRejected() { return routeImport.rejected(); }

    /** Routes of the channel kept from a session that went down gracefully and not yet re-sent (RFC 4724). */
    public int staleRoutes(int channel) { return stale.count(channel); }

    /** Routes dropped by the import loop checks since start. */
    public long loopedRoutes() { return routeImport.looped(); }

    /** Commands queued and not yet taken: what the sessions watch to stop reading a flooding peer. Safe from any thread. */
    public int inboxSize() { return pending.get(); }

    /** True while flush, feed or query walks remain that can go on (a route walk waiting for its consumer's credit cannot). */
    public boolean walking() { return !flushes.isEmpty() || (!feeds.isEmpty() && !exportDeferred) || routeWalks.runnable(); }

    /** {@code show route} walks in progress, waiting ones included. Safe from any thread. */
    public int routeWalkCount() { return routeWalks.count(); }

    /** {@code show route} walks dropped because their consumer left, since start. */
    public long routeWalksCancelled() { return routeWalks.cancelled(); }
}
