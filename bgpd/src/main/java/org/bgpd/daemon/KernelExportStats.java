package org.bgpd.daemon;

/**
 * Counters of the kernel export: routes of ours in the kernel now, routes wanted but refused
 * now, and totals since start. Immutable; safe to share.
 */
public record KernelExportStats(int installed, int failing, long installs, long removals, long errors) {
    public static final KernelExportStats NONE = new KernelExportStats(0, 0, 0, 0, 0);
}
