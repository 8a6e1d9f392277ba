package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AsPathCodec.u32;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;

/**
 * Builds a canonical {@link Attrs} from values: static routes, policy actions (set LOCAL_PREF or
 * MED, edit communities, prepend the AS path, set the next hop) and route reflection (RFC 4456
 * §8: ORIGINATOR_ID if absent, prepend CLUSTER_LIST). {@link #from} starts from an existing set.
 * Not thread-safe; one per edit.
 */
public final class AttrsBuilder {
    private int origin = Attrs.ORIGIN_IGP;
    private final List<AsPathSegment> asPath = new ArrayList<>(2);
    private NextHop nextHop = NextHop.SELF;
    private boolean hasMed, hasLocalPref, atomicAggregate, hasAggregator, hasOriginatorId;
    private int med, localPref, aggregatorAs, aggregatorId, originatorId;
    private final IntArrayList communities = new IntArrayList();
    private final IntArrayList large = new IntArrayList();
    private final LongArrayList extended = new LongArrayList();
    private final IntArrayList clusterList = new IntArrayList();
    private final TreeMap<Integer, RawAttr> unknown = new TreeMap<>();

    public AttrsBuilder() {}

    /** A builder holding everything {@code a} holds. */
    public static AttrsBuilder from(Attrs a) {
        AttrsBuilder b = new AttrsBuilder();
        b.nextHop = a.nextHop();
        for (RawAttr r : AttrsView.attributes(a)) {
            byte[] v = r.value();
            switch (r.code()) {
                case 1 -> b.origin = v[0] & 0xFF;
                case 2 -> b.asPath.addAll(AsPathCodec.segments(v, 0, v.length, 4));
                case 4 -> b.med(u32(v, 0));
                case 5 -> b.localPref(u32(v, 0));
                case 6 -> b.atomicAggregate = true;
                case 7 -> b.aggregator(u32(v, 0), u32(v, 4));
                case 8 -> { for (int i = 0; i < v.length; i += 4) b.communities.add(u32(v, i)); }
                case 9 -> b.originatorId(u32(v, 0));
                case 10 -> { for (int i = 0; i < v.length; i += 4) b.clusterList.add(u32(v, i)); }
                case 16 -> { for (int i = 0; i < v.length; i += 8) b.extended.add((long) u32(v, i) << 32 | (u32(v, i + 4) & 0xFFFF_FFFFL)); }
                case 32 -> { for (int i = 0; i < v.length; i += 4) b.large.add(u32(v, i)); }
                default -> b.unknown.put(r.code(), r);
            }
        }
        return b;
    }

    public AttrsBuilder origin(int o) {
        if (o < 0 || o > 2) throw new IllegalArgumentException("ORIGIN " + o);
        origin = o;
        return this;
    }

    public AttrsBuilder asPath(List<AsPathSegment> segments) {
        asPath.clear();
        asPath.addAll(segments);
        return this;
    }

    /** A single AS_SEQUENCE. */
    public AttrsBuilder asPath(int... sequence) {
        asPath.clear();
        if (sequence.length > 0) prependSequence(sequence);
        return this;
    }

    /** Prepends {@code as} {@code times} times (RFC 4271 §5.1.2; policy "prepend"). */
    public AttrsBuilder prepend(int as, int times) {
        int[] add = new int[times];
        java.util.Arrays.fill(add, as);
        prependSequence(add);
        return this;
    }

    private void prependSequence(int[] add) {
        int i = add.length;
        while (i > 0) {
            AsPathSegment first = asPath.isEmpty() ? null : asPath.getFirst();
            if (first != null && first.type() == AsPathSegment.AS_SEQUENCE && first.asns().length < 255) {
                int k = Math.min(i, 255 - first.asns().length);
                int[] m = new int[k + first.asns().length];
                System.arraycopy(add, i - k, m, 0, k);
                System.arraycopy(first.asns(), 0, m, k, first.asns().length);
                asPath.set(0, AsPathSegment.sequence(m));
                i -= k;
            } else {
                int k = Math.min(i, 255);
                asPath.addFirst(AsPathSegment.sequence(java.util.Arrays.copyOfRange(add, i - k, i)));
                i -= k;
            }
        }
    }

    public AttrsBuilder nextHop(NextHop nh) {
        nextHop = nh;
        return this;
    }

    public AttrsBuilder med(int v) {
        hasMed = true;
        med = v;
        return this;
    }

    public AttrsBuilder clearMed() {
        hasMed = false;
        return this;
    }

    public AttrsBuilder localPref(int v) {
        hasLocalPref = true;
        localPref = v;
        return this;
    }

    public AttrsBuilder clearLocalPref() {
        hasLocalPref = false;
        return this;
    }

    public AttrsBuilder atomicAggregate(boolean on) {
        atomicAggregate = on;
        return this;
    }

    public AttrsBuilder aggregator(int as, int id) {
        hasAggregator = true;
        aggregatorAs = as;
        aggregatorId = id;
        return this;
    }

    public AttrsBuilder clearAggregator() {
        hasAggregator = false;
        return this;
    }

    /** Appends a community unless present. */
    public AttrsBuilder addCommunity(int c) {
        if (!communities.contains(c)) communities.add(c);
        return this;
    }

    public AttrsBuilder removeCommunity(int c) {
        communities.rem(c);
        return this;
    }

    public AttrsBuilder communities(int... cs) {
        communities.clear();
        for (int c : cs) addCommunity(c);
        return this;
    }

    /** Appends a large community (RFC 8092) unless present. */
    public AttrsBuilder addLargeCommunity(int global, int data1, int data2) {
        for (int i = 0; i < large.size(); i += 3)
            if (large.getInt(i) == global && large.getInt(i + 1) == data1 && large.getInt(i + 2) == data2) return this;
        large.add(global);
        large.add(data1);
        large.add(data2);
        return this;
    }

    public AttrsBuilder removeLargeCommunity(int global, int data1, int data2) {
        for (int i = 0; i < large.size(); i += 3) {
            if (large.getInt(i) == global && large.getInt(i + 1) == data1 && large.getInt(i + 2) == data2) {
                large.removeElements(i, i + 3);
                return this;
            }
        }
        return this;
    }

    public AttrsBuilder clearLargeCommunities() {
        large.clear();
        return this;
    }

    /** Appends an extended community (RFC 4360) unless present. */
    public AttrsBuilder addExtendedCommunity(long c) {
        if (!extended.contains(c)) extended.add(c);
        return this;
    }

    public AttrsBuilder removeExtendedCommunity(long c) {
        extended.rem(c);
        return this;
    }

    public AttrsBuilder originatorId(int id) {
        hasOriginatorId = true;
        originatorId = id;
        return this;
    }

    public AttrsBuilder clearOriginatorId() {
        hasOriginatorId = false;
        return this;
    }

    /** RFC 4456 §8: a reflector sets ORIGINATOR_ID only when the route has none. */
    public AttrsBuilder originatorIdIfAbsent(int id) {
        if (!hasOriginatorId) originatorId(id);
        return this;
    }

    /** RFC 4456 §8: a reflector prepends its CLUSTER_ID. */
    public AttrsBuilder prependClusterId(int id) {
        clusterList.add(0, id);
        return this;
    }

    public AttrsBuilder clusterList(int... ids) {
        clusterList.clear();
        clusterList.addElements(0, ids);
        return this;
    }

    /** Carries an unknown attribute on as optional transitive with Partial set (RFC 4271 §5). */
    public AttrsBuilder unknown(int code, byte[] value) {
        AttrSpec spec = AttrTable.spec(code);
        if (spec != null || code == 0 || code > 255) throw new IllegalArgumentException("attribute " + code + " is not an unknown one");
        unknown.put(code, new RawAttr(code, AttrSpec.OPTIONAL_TRANSITIVE | AttrSpec.PARTIAL, value.clone()));
        return this;
    }

    public Attrs build() {
        WireWriter w = new WireWriter(64);
        for (int code = 1; code < 256; code++) write(w, code);
        return CanonicalAttrs.attrs(w.toByteArray(), nextHop);
    }

    private void write(WireWriter w, int code) {
        switch (code) {
            case 1 -> value(w, code, new byte[] {(byte) origin});
            case 2 -> value(w, code, AsPathCodec.encode(asPath, 4));
            case 4 -> { if (hasMed) ints(w, code, med); }
            case 5 -> { if (hasLocalPref) ints(w, code, localPref); }
            case 6 -> { if (atomicAggregate) value(w, code, new byte[0]); }
            case 7 -> { if (hasAggregator) ints(w, code, aggregatorAs, aggregatorId); }
            case 8 -> { if (!communities.isEmpty()) ints(w, code, communities.toIntArray()); }
            case 9 -> { if (hasOriginatorId) ints(w, code, originatorId); }
            case 10 -> { if (!clusterList.isEmpty()) ints(w, code, clusterList.toIntArray()); }
            case 16 -> {
                if (extended.isEmpty()) return;
                int[] v = new int[extended.size() * 2];
                for (int i = 0; i < extended.size(); i++) {
                    v[2 * i] = (int) (extended.getLong(i) >>> 32);
                    v[2 * i + 1] = (int) extended.getLong(i);
                }
                ints(w, code, v);
            }
            case 32 -> { if (!large.isEmpty()) ints(w, code, large.toIntArray()); }
            default -> {
                RawAttr r = unknown.get(code);
                if (r != null) {
                    CanonicalAttrs.header(w, r.flags(), code, r.value().length);
                    w.bytes(r.value());
                }
            }
        }
    }

    private static void value(WireWriter w, int code, byte[] v) {
        CanonicalAttrs.header(w, AttrTable.spec(code).flags(), code, v.length);
        w.bytes(v);
    }

    private static void ints(WireWriter w, int code, int... v) {
        CanonicalAttrs.header(w, AttrTable.spec(code).flags(), code, v.length * 4);
        for (int x : v) w.u32(x);
    }
}
