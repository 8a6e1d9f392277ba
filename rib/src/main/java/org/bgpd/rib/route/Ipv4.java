package org.bgpd.rib.route;

/** IPv4 addresses as {@code int}s. Immutable helpers; safe from any thread. */
public final class Ipv4 {
    private Ipv4() {}

    public static String toString(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** Parses dotted quad; throws IllegalArgumentException when malformed. */
    public static int parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("not an IPv4 address: " + s);
        int a = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) throw new IllegalArgumentException("not an IPv4 address: " + s);
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            if (v < 0 || v > 255) throw new IllegalArgumentException("not an IPv4 address: " + s);
            a = a << 8 | v;
        }
        return a;
    }

    public static int fromBytes(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    public static byte[] toBytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }
}
