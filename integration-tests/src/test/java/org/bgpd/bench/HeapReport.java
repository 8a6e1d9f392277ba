package org.bgpd.bench;

import java.io.IOException;
import java.util.List;

/**
 * Stateless; safe to share. Prints a JVM reflector's live set through {@code jcmd}: the class
 * histogram (which runs a full GC first) and the heap summary after it, so the benchmark can
 * tell live data from heap the collector has not given back.
 */
final class HeapReport {
    private static final int TOP_CLASSES = 15;

    private HeapReport() {}

    static void print(long pid) throws IOException, InterruptedException {
        List<String> histogram = jcmd(pid, "GC.class_histogram");
        System.out.println("heap: live classes (after a full GC) of pid " + pid);
        for (String line : histogram.subList(0, Math.min(histogram.size(), TOP_CLASSES + 3))) System.out.println("  " + line);
        if (!histogram.isEmpty()) System.out.println("  " + histogram.get(histogram.size() - 1));
        for (String line : jcmd(pid, "GC.heap_info")) System.out.println("  " + line);
        for (String line : jcmd(pid, "VM.native_memory", "summary")) {
            if (line.contains("committed")) System.out.println("  " + line.strip());
        }
    }

    private static List<String> jcmd(long pid, String... command) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        List<String> args = new java.util.ArrayList<>(List.of(jcmd, Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().skip(1).toList();
        p.waitFor();
        return lines;
    }
}
