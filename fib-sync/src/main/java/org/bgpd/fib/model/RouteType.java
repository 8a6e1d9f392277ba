package org.bgpd.fib.model;

/** Kernel route types (rtm_type, linux/rtnetlink.h RTN_*), with iproute2's names. Immutable. */
public enum RouteType {
    UNSPEC(0, "unspec"),
    UNICAST(1, "unicast"),
    LOCAL(2, "local"),
    BROADCAST(3, "broadcast"),
    ANYCAST(4, "anycast"),
    MULTICAST(5, "multicast"),
    BLACKHOLE(6, "blackhole"),
    UNREACHABLE(7, "unreachable"),
    PROHIBIT(8, "prohibit"),
    THROW(9, "throw"),
    NAT(10, "nat"),
    XRESOLVE(11, "xresolve");

    private static final RouteType[] BY_NUMBER = values();

    private final int number;
    private final String iprouteName;

    RouteType(int number, String iprouteName) {
        this.number = number;
        this.iprouteName = iprouteName;
    }

    public int number() { return number; }

    public String iprouteName() { return iprouteName; }

    /** The type for rtm_type, or null for a number the kernel may add later. */
    public static RouteType of(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    public static RouteType byName(String name) {
        for (RouteType t : BY_NUMBER) if (t.iprouteName.equals(name)) return t;
        return null;
    }

    /** Types that drop traffic and so carry no next hop. */
    public boolean isReject() { return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT; }
}
