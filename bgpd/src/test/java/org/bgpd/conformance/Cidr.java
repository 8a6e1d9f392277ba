package org.bgpd.conformance;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 prefix (an address is a host prefix) with BIRD's {@code ~} and {@code =} on
 * nets: containment and equality. Test-side on purpose, so the BIRD evaluator shares no code
 * with the bgpd side it checks. Immutable; safe to share.
 */
record Cidr(int bits, BigInteger value, int length) {

    /** {@code a.b.c.d/n}, {@code x::y/n} or a bare address; null when not one. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        if (addr.isEmpty() || !(addr.indexOf(':') >= 0 || addr.chars().allMatch(c -> c == '.' || Character.isDigit(c)))
                || (addr.indexOf(':') < 0 && addr.chars().filter(c -> c == '.').count() != 3)) {
            return null;
        }
        try {
            byte[] b = InetAddress.ofLiteral(addr).getAddress();
            int len = slash < 0 ? b.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(b.length * 8, new BigInteger(1, b), len);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Cidr of(String text) {
        Cidr c = parse(text);
        if (c == null) throw new IllegalArgumentException("not a prefix: " + text);
        return c;
    }

    boolean v4() { return bits == 32; }

    /** The network part only (host bits cleared). */
    BigInteger network() {
        return value.shiftRight(bits - length).shiftLeft(bits - length);
    }

    /** BIRD {@code net ~ this}: {@code other} is this prefix or a longer one inside it. */
    boolean covers(Cidr other) {
        return other.bits == bits && other.length >= length
                && other.value.shiftRight(bits - length).equals(value.shiftRight(bits - length));
    }

    /** A prefix of {@code len} inside this one, at offset {@code index} blocks from its start. */
    Cidr sub(int len, long index) {
        BigInteger v = network().add(BigInteger.valueOf(index).shiftLeft(bits - len));
        return new Cidr(bits, v, len);
    }

    String address() {
        byte[] raw = value.toByteArray();
        byte[] b = new byte[bits / 8];
        int n = Math.min(raw.length, b.length);
        System.arraycopy(raw, raw.length - n, b, b.length - n, n);
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address() + "/" + length;
    }
}
