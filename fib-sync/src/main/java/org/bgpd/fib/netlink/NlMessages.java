package org.bgpd.fib.netlink;

/**
 * A cursor over the netlink messages in one received datagram (struct nlmsghdr, then the body,
 * each aligned to 4). A header whose length is short or runs past the datagram ends the walk
 * and sets {@link #malformed()}; it never throws. Not thread-safe; one per datagram.
 */
public final class NlMessages {
    private final byte[] buf;
    private final int end;
    private int next;
    private boolean malformed;
    private int type, flags, seq, pid, bodyOff, bodyLen;

    public NlMessages(byte[] buf, int len) {
        this.buf = buf;
        this.end = Math.min(len, buf.length);
    }

    /** Advances to the next message; false at the end of the datagram or on a broken header. */
    public boolean next() {
        if (end - next < Rtnl.NLMSG_HDRLEN) return false;
        NlReader r = new NlReader(buf, next, Rtnl.NLMSG_HDRLEN);
        int len = r.u32();
        type = r.u16();
        flags = r.u16();
        seq = r.u32();
        pid = r.u32();
        if (len < Rtnl.NLMSG_HDRLEN || len > end - next) {
            malformed = true;
            next = end;
            return false;
        }
        bodyOff = next + Rtnl.NLMSG_HDRLEN;
        bodyLen = len - Rtnl.NLMSG_HDRLEN;
        next = Math.min(end, next + Rtnl.align(len));
        return true;
    }

    public int type() { return type; }

    public int flags() { return flags; }

    public int seq() { return seq; }

    public int pid() { return pid; }

    public NlReader body() { return new NlReader(buf, bodyOff, bodyLen); }

    /** True if some header in the datagram was inconsistent with its length. */
    public boolean malformed() { return malformed; }

    /** The errno of an NLMSG_ERROR body: 0 for an ACK, a positive errno otherwise; -1 if truncated. */
    public int errorCode() {
        NlReader r = body();
        int e = r.u32();
        return r.overrun() ? -1 : -e;
    }

    /** The sequence number of the request an NLMSG_ERROR answers; -1 if truncated. */
    public int errorRequestSeq() {
        NlReader r = body();
        r.skip(4 + 8);
        int s = r.u32();
        return r.overrun() ? -1 : s;
    }

    /** NETLINK_EXT_ACK's message string on an NLMSG_ERROR, or null. */
    public String errorMessage() {
        if ((flags & Rtnl.NLM_F_ACK_TLVS) == 0) return null;
        NlReader r = body();
        r.skip(4);
        int echoedLen = r.u32();
        // With NLM_F_CAPPED only the request header was echoed, else the whole request.
        int echoed = (flags & Rtnl.NLM_F_CAPPED) != 0 ? Rtnl.NLMSG_HDRLEN : echoedLen;
        r.skip(Rtnl.align(echoed) - 4);
        while (r.remaining() >= 4 && !r.overrun()) {
            int alen = r.u16();
            int atype = r.u16() & 0x3FFF;
            if (alen < 4) return null;
            NlReader v = r.slice(alen - 4);
            r.skip(Rtnl.align(alen) - alen);
            if (atype == Rtnl.NLMSGERR_ATTR_MSG) return v.cString(alen - 4);
        }
        return null;
    }
}
