package org.bgpd.fib.model;

/**
 * A network interface as RTM_NEWLINK describes it: index, name and the IFF_UP / IFF_RUNNING
 * flags that decide whether the kernel keeps routes through it. Immutable; safe to share.
 */
public record KernelLink(int index, String name, int flags) {
    public static final int IFF_UP = 0x1;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_LOWER_UP = 0x10000;

    public boolean up() { return (flags & IFF_UP) != 0; }

    public boolean running() { return (flags & IFF_RUNNING) != 0; }
}
