package org.bgpd.bench;

import java.nio.ByteBuffer;

/**
 * Stateless; safe to share. The few BGP messages the benchmark speakers need, built and read by
 * hand so the measuring side depends on nothing of bgpd (RFC 4271 §4).
 */
final class BgpWire {
    static final int HEADER = 19;
    static final int MAX_MESSAGE = 4096;
    static final byte OPEN = 1;
    static final byte UPDATE = 2;
    static final byte NOTIFICATION = 3;
    static final byte KEEPALIVE = 4;

    private BgpWire() {}

    /** OPEN with capabilities multiprotocol IPv4 unicast (RFC 4760) and 4-octet AS (RFC 6793). */
    static byte[] open(int as, int holdTime, int bgpId) {
        byte[] caps = {
            1, 4, 0, 1, 0, 1,                       // MP: AFI 1, SAFI 1
            65, 4, (byte) (as >>> 24), (byte) (as >>> 16), (byte) (as >>> 8), (byte) as,
        };
        ByteBuffer b = ByteBuffer.allocate(HEADER + 10 + 2 + caps.length);
        header(b, b.capacity(), OPEN);
        b.put((byte) 4).putShort((short) (as > 0xFFFF ? 23456 : as)).putShort((short) holdTime).putInt(bgpId);
        b.put((byte) (2 + caps.length)).put((byte) 2).put((byte) caps.length).put(caps);
        return b.array();
    }

    static byte[] keepalive() {
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        header(b, HEADER, KEEPALIVE);
        return b.array();
    }

    static void header(ByteBuffer b, int length, byte type) {
        for (int i = 0; i < 16; i++) b.put((byte) 0xFF);
        b.putShort((short) length).put(type);
    }

    /**
     * iBGP path attributes: ORIGIN IGP, AS_PATH of one AS_SEQUENCE (4-octet ASes), NEXT_HOP,
     * MED, LOCAL_PREF 100, and one COMMUNITY when {@code community} is not 0.
     */
    static byte[] attributes(int[] asPath, int nextHop, int med, int community) {
        ByteBuffer b = ByteBuffer.allocate(64 + 4 * asPath.length);
        b.put((byte) 0x40).put((byte) 1).put((byte) 1).put((byte) 0);
        if (asPath.length == 0) {
            b.put((byte) 0x40).put((byte) 2).put((byte) 0);
        } else {
            b.put((byte) 0x40).put((byte) 2).put((byte) (2 + 4 * asPath.length)).put((byte) 2).put((byte) asPath.length);
            for (int as : asPath) b.putInt(as);
        }
        b.put((byte) 0x40).put((byte) 3).put((byte) 4).putInt(nextHop);
        b.put((byte) 0x80).put((byte) 4).put((byte) 4).putInt(med);
        b.put((byte) 0x40).put((byte) 5).put((byte) 4).putInt(100);
        if (community != 0) b.put((byte) 0xC0).put((byte) 8).put((byte) 4).putInt(community);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /**
     * Appends UPDATEs announcing {@code prefixes[from..to)} (addresses, all of length
     * {@code len}) with {@code attrs}, as many per message as fit in 4096 bytes.
     */
    static void updates(ByteBuffer out, byte[] attrs, int[] prefixes, int from, int to, int len) {
        int nlriBytes = 1 + (len + 7) / 8;
        int fixed = HEADER + 2 + 2 + attrs.length;
        int perMessage = (MAX_MESSAGE - fixed) / nlriBytes;
        for (int i = from; i < to; i += perMessage) {
            int n = Math.min(perMessage, to - i);
            header(out, fixed + n * nlriBytes, UPDATE);
            out.putShort((short) 0).putShort((short) attrs.length).put(attrs);
            for (int k = i; k < i + n; k++) putPrefix(out, prefixes[k], len);
        }
    }

    static void putPrefix(ByteBuffer out, int address, int len) {
        out.put((byte) len);
        for (int k = 0; k < (len + 7) / 8; k++) out.put((byte) (address >>> (24 - 8 * k)));
    }

    /** The worst case size of {@link #updates} for {@code count} prefixes. */
    static int updatesSize(int attrsLength, int count, int len) {
        int nlriBytes = 1 + (len + 7) / 8;
        int fixed = HEADER + 4 + attrsLength;
        int perMessage = (MAX_MESSAGE - fixed) / nlriBytes;
        int messages = (count + perMessage - 1) / perMessage;
        return messages * fixed + count * nlriBytes;
    }
}
