package org.bgpd.confd.calico;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.bgpd.config.model.IpAddress;

/**
 * Address and CIDR text as Calico writes it: canonical addresses (RFC 5952 for IPv6, as Go's
 * net.IP.String), networks with host bits cleared, and key segments with '/' replaced by '-'.
 * Malformed input yields "" rather than an exception. Stateless; safe to share.
 */
final class Cidrs {

    private Cidrs() {}

    /** The address part of {@code ip[/len]}, canonical, or "" when malformed or empty. */
    static String address(String ipWithLen) {
        byte[] b = bytes(addressPart(ipWithLen));
        return b == null ? "" : format(b);
    }

    /** The network of {@code ip/len} ({@code 10.0.0.0/16}), or "" without a valid length. */
    static String network(String ipWithLen) {
        int slash = ipWithLen.indexOf('/');
        byte[] b = bytes(addressPart(ipWithLen));
        if (slash < 0 || b == null) {
            return "";
        }
        int len;
        try {
            len = Integer.parseInt(ipWithLen.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return "";
        }
        if (len < 0 || len > b.length * 8) {
            return "";
        }
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, len - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        return format(b) + "/" + len;
    }

    /** The canonical form of a CIDR ({@code fd00:96::/112}), or "" when malformed. */
    static String canonical(String cidr) {
        return network(cidr);
    }

    static boolean isV6(String ipOrCidr) {
        return ipOrCidr.contains(":");
    }

    static String dashed(String cidr) {
        return cidr.replace('/', '-');
    }

    private static String addressPart(String s) {
        int slash = s.indexOf('/');
        return (slash < 0 ? s : s.substring(0, slash)).trim();
    }

    static byte[] bytes(String literal) {
        if (literal.isEmpty()) {
            return null;
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '.' && c != ':') {
                return null;
            }
        }
        try {
            return InetAddress.ofLiteral(literal).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Dotted quad or RFC 5952 text, as the config's IpAddress prints it. */
    static String format(byte[] b) {
        try {
            return new IpAddress(InetAddress.getByAddress(b)).toString();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + b.length + " bytes", e);
        }
    }
}
