package org.bgpd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stateless; safe to share. CPU time and peak RSS of a process, from Linux's /proc (proc(5)). */
final class ProcStat {
    /** USER_HZ; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private ProcStat() {}

    /** utime + stime (fields 14 and 15 of /proc/PID/stat) in seconds. */
    static double cpuSeconds(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    /** VmHWM (peak resident set) in MiB. */
    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }
}
