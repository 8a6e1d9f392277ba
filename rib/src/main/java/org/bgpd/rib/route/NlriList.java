package org.bgpd.rib.route;

import java.util.Arrays;

/**
 * The NLRI of one family from one UPDATE section, packed in primitive arrays so decoding
 * allocates one array, not an object per prefix. IPv4: one long per prefix ({@link Prefixes}
 * packing). IPv6: three longs per prefix (hi, lo, length). ADD-PATH path ids (RFC 7911) in
 * {@code pathIds}, or null when the section carries none. Immutable after construction by
 * {@link Builder}; safe to hand between threads.
 */
public final class NlriList {
    public static final NlriList EMPTY_V4 = new NlriList(Family.IPV4_UNICAST, new long[0], null, 0);
    public static final NlriList EMPTY_V6 = new NlriList(Family.IPV6_UNICAST, new long[0], null, 0);

    private final Family family;
    private final long[] data;
    private final int[] pathIds;
    private final int size;

    private NlriList(Family family, long[] data, int[] pathIds, int size) {
        this.family = family;
        this.data = data;
        this.pathIds = pathIds;
        this.size = size;
    }

    public static NlriList empty(Family f) { return f == Family.IPV4_UNICAST ? EMPTY_V4 : EMPTY_V6; }

    public Family family() { return family; }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    public boolean hasPathIds() { return pathIds != null; }

    /** Packed IPv4 prefix at {@code i}. */
    public long v4(int i) { return data[i]; }

    public long v6Hi(int i) { return data[3 * i]; }

    public long v6Lo(int i) { return data[3 * i + 1]; }

    public int v6Length(int i) { return (int) data[3 * i + 2]; }

    /** ADD-PATH identifier at {@code i}, 0 when the section carries none. */
    public int pathId(int i) { return pathIds == null ? 0 : pathIds[i]; }

    /** The prefix at {@code i} as a value (allocates; for edges and tests). */
    public Prefix prefix(int i) {
        return family == Family.IPV4_UNICAST ? Prefix.ofPacked(data[i]) : Prefix.v6(v6Hi(i), v6Lo(i), v6Length(i));
    }

    public static Builder builder(Family f, boolean addPath, int expected) { return new Builder(f, addPath, expected); }

    /** Collects prefixes; not thread-safe. */
    public static final class Builder {
        private final Family family;
        private final int stride;
        private long[] data;
        private int[] pathIds;
        private int size;

        Builder(Family family, boolean addPath, int expected) {
            this.family = family;
            this.stride = family == Family.IPV4_UNICAST ? 1 : 3;
            this.data = new long[Math.max(4, expected) * stride];
            this.pathIds = addPath ? new int[Math.max(4, expected)] : null;
        }

        public Builder addV4(long packed, int pathId) {
            grow();
            data[size] = packed;
            if (pathIds != null) pathIds[size] = pathId;
            size++;
            return this;
        }

        public Builder addV6(long hi, long lo, int len, int pathId) {
            grow();
            Prefix p = Prefix.v6(hi, lo, len); // masks host bits
            data[3 * size] = p.hi();
            data[3 * size + 1] = p.lo();
            data[3 * size + 2] = len;
            if (pathIds != null) pathIds[size] = pathId;
            size++;
            return this;
        }

        public Builder add(Prefix p, int pathId) {
            if (p.family() != family) throw new IllegalArgumentException(p + " is not " + family);
            return family == Family.IPV4_UNICAST ? addV4(p.packed(), pathId) : addV6(p.hi(), p.lo(), p.length(), pathId);
        }

        private void grow() {
            if ((size + 1) * stride > data.length) data = Arrays.copyOf(data, data.length * 2);
            if (pathIds != null && size + 1 > pathIds.length) pathIds = Arrays.copyOf(pathIds, pathIds.length * 2);
        }

        public int size() { return size; }

        public NlriList build() {
            if (size == 0 && pathIds == null) return empty(family);
            return new NlriList(family, data, pathIds, size);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NlriList n) || n.family != family || n.size != size || (n.pathIds == null) != (pathIds == null)) return false;
        int stride = family == Family.IPV4_UNICAST ? 1 : 3;
        return Arrays.equals(data, 0, size * stride, n.data, 0, size * stride)
                && (pathIds == null || Arrays.equals(pathIds, 0, size, n.pathIds, 0, size));
    }

    @Override
    public int hashCode() {
        int stride = family == Family.IPV4_UNICAST ? 1 : 3;
        int h = family.hashCode();
        for (int i = 0; i < size * stride; i++) h = 31 * h + Long.hashCode(data[i]);
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(", ");
            sb.append(prefix(i));
            if (pathIds != null) sb.append(" id ").append(pathIds[i]);
        }
        return sb.append(']').toString();
    }
}
