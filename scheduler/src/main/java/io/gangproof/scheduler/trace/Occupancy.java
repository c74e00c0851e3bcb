package io.gangproof.scheduler.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TPU {@code tpu} was held by {@code job} during {@code [from, to)}. {@code executing} is false
 * for the time a per-TPU protocol holds a lock while waiting for the job's other TPUs.
 * {@code open} means the TPU was still held at the horizon ({@code to} is then the horizon).
 */
public record Occupancy(int tpu, String job, long from, long to, boolean executing, boolean open) {
    /** The occupancy implied by job records (by TPU, then time): how traces that list only jobs get theirs. */
    public static List<Occupancy> of(List<JobRecord> jobs, long horizon) {
        List<Occupancy> out = new ArrayList<>();
        for (JobRecord j : jobs) {
            for (Acquisition a : j.acquisitions()) {
                if (j.start().isEmpty()) {
                    out.add(new Occupancy(a.tpu(), j.id(), a.time(), horizon, false, true));
                    continue;
                }
                long s = j.start().getAsLong();
                if (a.time() < s) {
                    out.add(new Occupancy(a.tpu(), j.id(), a.time(), s, false, false));
                }
                long end = j.end().getAsLong();
                boolean open = end > horizon;
                out.add(new Occupancy(a.tpu(), j.id(), s, open ? horizon : end, true, open));
            }
        }
        out.sort(Comparator.comparingInt(Occupancy::tpu).thenComparingLong(Occupancy::from)
                .thenComparing(Occupancy::job));
        return out;
    }
}
