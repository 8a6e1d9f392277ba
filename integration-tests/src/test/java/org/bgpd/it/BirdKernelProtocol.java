package org.bgpd.it;

/**
 * Immutable; safe to share. A {@code protocol kernel} for tests inside a network namespace:
 * {@code learn} imports routes other daemons (Felix: proto boot) put in the kernel table,
 * {@code export} writes BIRD's routes to it. Outside a namespace this would change the host's
 * routing table, so {@link BirdProcess} refuses exporting kernel protocols there.
 */
public record BirdKernelProtocol(String name, BirdChannel channel, boolean learning, Integer kernelTable,
                                 Integer metric, Integer scanTime, boolean persistent, boolean ecmpMerge) {

    public static BirdKernelProtocol ipv4(String name) {
        return new BirdKernelProtocol(name, BirdChannel.ipv4(), false, null, null, null, false, false);
    }

    public static BirdKernelProtocol ipv6(String name) {
        return new BirdKernelProtocol(name, BirdChannel.ipv6(), false, null, null, null, false, false);
    }

    public BirdKernelProtocol channel(BirdChannel c) {
        return new BirdKernelProtocol(name, c, learning, kernelTable, metric, scanTime, persistent, ecmpMerge);
    }

    public BirdKernelProtocol learn() {
        return new BirdKernelProtocol(name, channel, true, kernelTable, metric, scanTime, persistent, ecmpMerge);
    }

    public BirdKernelProtocol exportAll() {
        return channel(channel.exportAll());
    }

    public BirdKernelProtocol kernelTable(int table) {
        return new BirdKernelProtocol(name, channel, learning, table, metric, scanTime, persistent, ecmpMerge);
    }

    public BirdKernelProtocol metric(int m) {
        return new BirdKernelProtocol(name, channel, learning, kernelTable, m, scanTime, persistent, ecmpMerge);
    }

    public BirdKernelProtocol scanTime(int seconds) {
        return new BirdKernelProtocol(name, channel, learning, kernelTable, metric, seconds, persistent, ecmpMerge);
    }

    public BirdKernelProtocol persist() {
        return new BirdKernelProtocol(name, channel, learning, kernelTable, metric, scanTime, true, ecmpMerge);
    }

    public BirdKernelProtocol mergePaths() {
        return new BirdKernelProtocol(name, channel, learning, kernelTable, metric, scanTime, persistent, true);
    }

    /** True when the protocol writes routes into the kernel. */
    public boolean exports() {
        return !"none".equals(channel.exportFilter());
    }

    void render(StringBuilder out) {
        out.append("protocol kernel ").append(name).append(" {\n");
        channel.render(out, "  ");
        if (learning) {
            out.append("  learn;\n");
        }
        if (persistent) {
            out.append("  persist;\n");
        }
        if (kernelTable != null) {
            out.append("  kernel table ").append(kernelTable).append(";\n");
        }
        if (metric != null) {
            out.append("  metric ").append(metric).append(";\n");
        }
        if (scanTime != null) {
            out.append("  scan time ").append(scanTime).append(";\n");
        }
        if (ecmpMerge) {
            out.append("  merge paths on;\n");
        }
        out.append("}\n");
    }
}
