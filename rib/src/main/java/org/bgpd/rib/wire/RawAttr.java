package org.bgpd.rib.wire;

import java.util.Arrays;

/**
 * One path attribute as type, flags and value bytes: for display ("show route all") and for
 * carrying unknown optional transitive attributes through {@link AttrsBuilder}.
 * Immutable by convention: callers must not modify {@code value}.
 */
public record RawAttr(int code, int flags, byte[] value) {

    public AttrType type() { return AttrType.of(code); }

    public boolean optional() { return (flags & AttrSpec.OPTIONAL) != 0; }

    public boolean transitive() { return (flags & AttrSpec.TRANSITIVE) != 0; }

    public boolean partial() { return (flags & AttrSpec.PARTIAL) != 0; }

    @Override
    public boolean equals(Object o) { return o instanceof RawAttr r && r.code == code && r.flags == flags && Arrays.equals(r.value, value); }

    @Override
    public int hashCode() { return 31 * (31 * code + flags) + Arrays.hashCode(value); }

    @Override
    public String toString() { return type() + "(0x" + Integer.toHexString(flags) + ", " + value.length + "B)"; }
}
