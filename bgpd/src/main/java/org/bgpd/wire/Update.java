package org.bgpd.wire;

import java.util.Arrays;

/** UPDATE (RFC 4271 §4.3): the body after the 19-byte header, unparsed. Immutable by convention. */
public record Update(byte[] body) implements BgpMessage {
    @Override
    public int type() { return UPDATE; }

    @Override
    public boolean equals(Object o) { return o instanceof Update u && Arrays.equals(u.body, body); }

    @Override
    public int hashCode() { return Arrays.hashCode(body); }

    @Override
    public String toString() { return "Update[" + body.length + " bytes]"; }
}
