package org.bgpd.fib.netlink;

/**
 * rtnetlink numbers from linux/netlink.h and linux/rtnetlink.h that bgpd uses. Wire layout is
 * host byte order for headers and integers, network order for addresses.
 */
public final class Rtnl {
    private Rtnl() {}

    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    /** On NLMSG_ERROR: the echoed request was cut to its header (NETLINK_CAP_ACK). */
    public static final int NLM_F_CAPPED = 0x100;
    /** On NLMSG_ERROR: extended-ack TLVs follow. */
    public static final int NLM_F_ACK_TLVS = 0x200;
    public static final int NLMSGERR_ATTR_MSG = 1;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    public static final int RTNLGRP_LINK = 1;
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    public static final int RTNLGRP_IPV4_ROUTE = 7;
    public static final int RTNLGRP_IPV6_IFADDR = 9;
    public static final int RTNLGRP_IPV6_ROUTE = 11;

    public static final int RTMSG_LEN = 12;
    public static final int RTA_DST = 1;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_MULTIPATH = 9;
    public static final int RTA_TABLE = 15;
    public static final int RTA_VIA = 18;
    public static final int RTA_MAX_KNOWN = 31;

    public static final int RTNH_LEN = 8;
    public static final int RTNH_F_ONLINK = 0x4;
    public static final int RTM_F_CLONED = 0x200;
    public static final int RT_TABLE_UNSPEC = 0;

    public static final int IFINFOMSG_LEN = 16;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MAX_KNOWN = 64;

    public static final int IFADDRMSG_LEN = 8;
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_MAX_KNOWN = 16;

    public static int align(int n) { return (n + 3) & ~3; }
}
