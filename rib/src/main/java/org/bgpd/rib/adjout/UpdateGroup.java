package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;
import org.bgpd.rib.policy.KernelRoutes;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixIndex;
import org.bgpd.rib.table.PrefixKeys;
import org.bgpd.rib.wire.UpdateEncoder;
import org.bgpd.rib.wire.UpdateSink;

/**
 * Peers with the same {@link GroupKey} share one group: one export decision, one
 * {@link AdjRibOut}, and each UPDATE encoded once and handed to every member's
 * {@link SessionSink} as the same array. "Never send a route back to the peer it came from"
 * is per member: the Adj-RIB-Out remembers each route's source and the drain encodes the
 * routes of one member-source once more for "everyone but that member".
 * <p>What the group sends for a route (export rules, policy, outbound attributes, cached per
 * turn) is {@link GroupExport}'s.
 * <p>A member that joins a running group is fed the group's current Adj-RIB-Out on its own
 * ({@link #sendCurrent}); End-of-RIB goes to a member once its feed and the group's initial feed
 * are both done.
 * <p>A group whose sessions negotiated ADD-PATH send for its family (RFC 7911; the encode
 * context is part of the key) advertises every eligible path the export allows, not only the
 * best, each under its own {@link PathKeys} key and path identifier; it remembers which path
 * keys each prefix has so a path that goes away is withdrawn.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class UpdateGroup {
    private static final System.Logger LOG = System.getLogger(UpdateGroup.class.getName());

    private final GroupKey key;
    private final AttrsTable attrs;
    private final PrefixKeys prefixKeys;
    private final AdjRibOut out;
    private final UpdateEncoder encoder;
    private final GroupExport export;
    private int[] members = new int[2];
    private SessionSink[] sinks = new SessionSink[2];
    private int memberCount;
    private final IntArrayList awaitingEndOfRib = new IntArrayList();
    private boolean initialFeedDone;
    private boolean closed;
    /** Who receives the message being encoded: everyone but {@code except}, or {@code only}. */
    private int except = AdjRibOut.NOBODY, only = AdjRibOut.NOBODY;
    private int encodeFailures;
    private final boolean addPath;
    /** ADD-PATH groups only: prefix key → the path keys advertised for it. */
    private final Long2ObjectOpenHashMap<long[]> pathsOf;
    private long[] candidates = new long[16];
    /** Members that cannot take writes now and what they missed (back-pressure, DESIGN.md). */
    private final SlowMembers slow = new SlowMembers();
    /** Prefixes a member catches up on per turn once writable again. */
    static final int CATCH_UP_BUDGET = 4096;
    private final long[] catchUp = new long[CATCH_UP_BUDGET];

    /** Open during {@link #drain}: each member's messages go to its sink in one call at the end. */
    private final MemberBatches batches = new MemberBatches();
    private final UpdateSink fanOut = (body, off, len) -> {
        byte[] m = UpdateEncoder.message(body, off, len);
        for (int i = 0; i < memberCount; i++) {
            int p = members[i];
            if ((only != AdjRibOut.NOBODY ? p == only : p != except) && !slow.isBlocked(p)) {
                if (batches.isOpen()) batches.add(i, m);
                else sinks[i].send(m);
            }
        }
    };

    public UpdateGroup(GroupKey key, Peers peers, AttrsTable attrs, PrefixKeys prefixKeys, int clusterId, long defaultLocalPref) {
        this(key, peers, attrs, prefixKeys, clusterId, defaultLocalPref, null);
    }

    /** @param kernelRoutes facts of kernel-learned routes for the export chain to match, or null */
    public UpdateGroup(GroupKey key, Peers peers, AttrsTable attrs, PrefixKeys prefixKeys, int clusterId, long defaultLocalPref,
                       KernelRoutes kernelRoutes) {
        this.key = key;
        this.attrs = attrs;
        this.prefixKeys = prefixKeys;
        this.addPath = key.encode().addPath(key.family());
        // path keys are not prefix keys: an ADD-PATH group indexes its own
        this.out = new AdjRibOut(attrs, addPath ? new PrefixIndex() : prefixKeys.index(key.family()));
        this.encoder = new UpdateEncoder(key.encode());
        this.export = new GroupExport(key, peers, attrs, prefixKeys, clusterId, defaultLocalPref, kernelRoutes);
        this.pathsOf = addPath ? new Long2ObjectOpenHashMap<>() : null;
    }

    /** True when members get every path with path ids (RFC 7911), keyed by {@link PathKeys}. */
    public boolean addPath() { return addPath; }

    public GroupKey key() { return key; }

    public Family family() { return key.family(); }

    public AdjRibOut adjRibOut() { return out; }

    public boolean isClosed() { return closed; }

    public int memberCount() { return memberCount; }

    public boolean hasMember(int peer) { return indexOf(peer) >= 0; }

    /** The sink of a member, or null: walks check it to notice a session that was replaced. */
    public SessionSink sinkOf(int peer) {
        int i = indexOf(peer);
        return i < 0 ? null : sinks[i];
    }

    private int indexOf(int peer) {
        for (int i = 0; i < memberCount; i++) if (members[i] == peer) return i;
        return -1;
    }

    public void addMember(int peer, SessionSink sink) {
        if (memberCount == members.length) {
            members = Arrays.copyOf(members, memberCount * 2);
            sinks = Arrays.copyOf(sinks, memberCount * 2);
        }
        members[memberCount] = peer;
        sinks[memberCount++] = sink;
    }

    /** @return true when the group has no members left */
    public boolean removeMember(int peer) {
        int i = indexOf(peer);
        if (i >= 0) {
            System.arraycopy(members, i + 1, members, i, memberCount - i - 1);
            System.arraycopy(sinks, i + 1, sinks, i, memberCount - i - 1);
            sinks[--memberCount] = null;
        }
        awaitingEndOfRib.rem(peer);
        slow.forget(peer);
        return memberCount == 0;
    }

    /** Brings the prefix's Adj-RIB-Out entry in line with {@code best} ({@link Candidates#NONE} to withdraw). */
    public void export(long prefixKey, long best) {
        int id = export.id(prefixKey, best);
        if (id == 0) out.withdraw(prefixKey);
        else out.set(prefixKey, Candidates.peer(best), id);
    }

    /** Brings the prefix in line with the Loc-RIB: its best, or every eligible path for an ADD-PATH group. */
    public void export(long prefixKey, LocRib rib) {
        if (!addPath) {
            export(prefixKey, rib.best(prefixKey));
            return;
        }
        int n = rib.candidateCount(prefixKey);
        if (n > candidates.length) candidates = new long[Math.max(n, candidates.length * 2)];
        n = rib.candidates(prefixKey, candidates);
        long[] now = null;
        int m = 0;
        for (int i = 0; i < n; i++) {
            long c = candidates[i];
            long k = PathKeys.key(prefixKey, c);
            if (k < 0 || !rib.eligible(c)) continue;
            int id = export.id(prefixKey, c);
            if (id == 0) continue;
            out.set(k, Candidates.peer(c), id);
            if (now == null) now = new long[n];
            now[m++] = k;
        }
        long[] had = pathsOf.get(prefixKey);
        if (had != null) {
            outer:
            for (long k : had) {
                for (int j = 0; j < m; j++) if (now[j] == k) continue outer;
                out.withdraw(k);
            }
        }
        if (m == 0) pathsOf.remove(prefixKey);
        else pathsOf.put(prefixKey, m == now.length ? now : Arrays.copyOf(now, m));
    }

    /**
     * Encodes and sends everything pending, withdrawals first, then a budget of catch-up for a
     * member that is writable again. @return prefixes caught up (work the loop must count, or it
     * would park with a backlog left)
     */
    public int drain() {
        batches.open(memberCount);
        try {
            out.drain(this::hasMember, batch);
        } finally {
            batches.close(sinks, memberCount);
        }
        return slow.any() ? catchUp() : 0;
    }

    /**
     * The member's session stopped or resumed taking writes. While blocked it is skipped and
     * its missed prefixes are remembered; once writable it catches up from the current table.
     */
    public void setWritable(int member, boolean writable) {
        if (hasMember(member)) slow.writable(member, writable);
    }

    /** Prefixes waiting for blocked or catching-up members: the back-pressure backlog, bounded by the table. */
    public int backlog() { return slow.missedTotal(); }

    /** Sends one writable member up to a budget of its backlog, as the table has it now. */
    private int catchUp() {
        int member = slow.nextToCatchUp();
        if (member < 0) return 0;
        int n = slow.take(member, catchUp, CATCH_UP_BUDGET);
        if (n > 0) {
            long[] gone = new long[n];
            int g = 0;
            for (int i = 0; i < n; i++) {
                long k = catchUp[i];
                if (out.get(k) == 0 || out.source(k) == member) gone[g++] = k;
            }
            if (g > 0) withdrawTo(gone, g, AdjRibOut.NOBODY, member);
            sendCurrent(member, catchUp, 0, n);
        }
        if (slow.endOfRibDue(member)) endOfRib(member);
        return Math.max(n, 1);
    }

    private void recordMissed(long[] keys, int n) {
        for (int i = 0; i < memberCount; i++) {
            int p = members[i];
            if ((only != AdjRibOut.NOBODY ? p == only : p != except) && slow.isBlocked(p)) slow.missed(p, keys, n);
        }
    }

    private final AdjRibOut.Batch batch = new AdjRibOut.Batch() {
        @Override
        public void withdraw(long[] keys, int n, int skip) {
            if (receivers(skip) > 0) withdrawTo(keys, n, skip, AdjRibOut.NOBODY);
        }

        @Override
        public void withdrawFrom(int member, long[] keys, int n) { withdrawTo(keys, n, AdjRibOut.NOBODY, member); }

        @Override
        public void announce(int attrsId, long[] keys, int n, int skip) {
            if (receivers(skip) > 0) announceTo(attrsId, keys, n, skip, AdjRibOut.NOBODY);
        }
    };

    private int receivers(int skip) { return skip != AdjRibOut.NOBODY && hasMember(skip) ? memberCount - 1 : memberCount; }

    private void withdrawTo(long[] keys, int n, int skip, int target) {
        except = skip;
        only = target;
        if (slow.any()) recordMissed(keys, n);
        encoder.withdraw(nlri(keys, n), fanOut);
    }

    private void announceTo(int attrsId, long[] keys, int n, int skip, int target) {
        except = skip;
        only = target;
        if (slow.any()) recordMissed(keys, n);
        try {
            encoder.announce(attrs.get(attrsId), nlri(keys, n), fanOut);
        } catch (IllegalArgumentException e) {
            // a next hop this session cannot carry (e.g. no IPv6 address for "self"), or
            // attributes too large for one message: these prefixes are not sent
            if (encodeFailures++ == 0) LOG.log(System.Logger.Level.WARNING, "update group " + key + ": " + e.getMessage());
        }
    }

    private NlriList nlri(long[] keys, int n) {
        Family f = key.family();
        if (addPath) {
            NlriList.Builder b = NlriList.builder(f, true, n);
            for (int i = 0; i < n; i++) b.add(prefixKeys.prefix(f, PathKeys.prefixKey(keys[i])), PathKeys.pathId(keys[i], f));
            return b.build();
        }
        NlriList.Builder b = NlriList.builder(f, false, n);
        if (f == Family.IPV4_UNICAST) {
            for (int i = 0; i < n; i++) b.addV4(keys[i], 0);
        } else {
            for (int i = 0; i < n; i++) b.add(prefixKeys.prefix(f, keys[i]), 0);
        }
        return b.build();
    }

    /**
     * Sends {@code member} alone the current state of {@code keys[from, to)}: how a member that
     * joins a running group catches up. Routes it announced itself are skipped.
     */
    public void sendCurrent(int member, long[] keys, int from, int to) {
        Int2ObjectOpenHashMap<LongArrayList> byAttrs = new Int2ObjectOpenHashMap<>();
        for (int i = from; i < to; i++) {
            int id = out.get(keys[i]);
            if (id == 0 || out.source(keys[i]) == member) continue;
            LongArrayList l = byAttrs.get(id);
            if (l == null) byAttrs.put(id, l = new LongArrayList());
            l.add(keys[i]);
        }
        for (var e : byAttrs.int2ObjectEntrySet())
            announceTo(e.getIntKey(), e.getValue().elements(), e.getValue().size(), AdjRibOut.NOBODY, member);
    }

    /** Sends {@code member} alone a withdrawal of {@code keys[0, n)}. */
    public void sendWithdrawn(int member, long[] keys, int n) {
        if (n > 0) withdrawTo(keys, n, AdjRibOut.NOBODY, member);
    }

    /** The group's initial feed from the Loc-RIB is complete: End-of-RIB to those waiting for it. */
    public void initialFeedDone() {
        initialFeedDone = true;
        for (int i = 0; i < awaitingEndOfRib.size(); i++) endOfRib(awaitingEndOfRib.getInt(i));
        awaitingEndOfRib.clear();
    }

    /** {@code member}'s own feed is complete; it gets End-of-RIB now or after the initial feed. */
    public void memberFed(int member) {
        if (initialFeedDone) endOfRib(member);
        else if (!awaitingEndOfRib.contains(member)) awaitingEndOfRib.add(member);
    }

    private void endOfRib(int member) {
        if (!hasMember(member)) return;
        if (slow.isBlocked(member)) {
            slow.owesEndOfRib(member);
            return;
        }
        except = AdjRibOut.NOBODY;
        only = member;
        encoder.endOfRib(key.family(), fanOut);
    }

    /** Forgets the per-turn export cache: inbound ids may be freed and reused after the turn. */
    public void endTurn() { export.endTurn(); }

    /** Messages that could not be encoded (logged once). */
    public int encodeFailures() { return encodeFailures; }

    /** Releases everything this group holds; it must not be used afterwards. */
    public void close() {
        endTurn();
        out.clear();
        if (pathsOf != null) pathsOf.clear();
        closed = true;
    }
}
