package org.bgpd.config.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Immutable; safe to share. An IPv4 or IPv6 address parsed from a literal, never by name lookup.
 * Printed in canonical form (dotted quad, RFC 5952 for IPv6).
 */
public record IpAddress(InetAddress address) {

    public IpAddress {
        Objects.requireNonNull(address, "address");
    }

    /** Parses a literal address; returns null if {@code text} is not an IPv4 or IPv6 address. */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty() || text.indexOf('%') >= 0 || text.indexOf('/') >= 0) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            try {
                return new IpAddress(Inet6Address.ofLiteral(text));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        byte[] bytes = parseDottedQuad(text);
        if (bytes == null) {
            return null;
        }
        try {
            return new IpAddress(InetAddress.getByAddress(bytes));
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Strict d.d.d.d with each part 0..255 and no leading zeros: "10.1" or "010.0.0.1" are errors, not BSD shorthand. */
    private static byte[] parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    public Family family() {
        return isIpv4() ? Family.IPV4 : Family.IPV6;
    }

    public byte[] bytes() {
        return address.getAddress();
    }

    @Override
    public String toString() {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        return formatIpv6(b);
    }

    /** RFC 5952 §4: lowercase, no leading zeros, the longest run (first if tied) of two or more zero groups as "::". */
    private static String formatIpv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
