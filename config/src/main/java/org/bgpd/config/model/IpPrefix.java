package org.bgpd.config.model;

/** Immutable; safe to share. An address prefix: network address (host bits zero) and length. */
public record IpPrefix(IpAddress address, int length) {

    public IpPrefix {
        if (length < 0 || length > address.family().maxLength()) {
            throw new IllegalArgumentException("bad prefix length " + length);
        }
    }

    public Family family() {
        return address.family();
    }

    /** True if {@code a} lies inside this prefix. */
    public boolean contains(IpAddress a) {
        if (a.family() != family()) {
            return false;
        }
        byte[] net = address.bytes();
        byte[] x = a.bytes();
        int full = length / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != x[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (net[full] & mask) == (x[full] & mask);
    }

    /** True if any bit beyond {@code length} is set in {@code bytes}. */
    public static boolean hasHostBits(byte[] bytes, int length) {
        for (int bit = length; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
