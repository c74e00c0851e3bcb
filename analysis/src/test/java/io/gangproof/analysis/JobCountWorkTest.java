package io.gangproof.analysis;

import io.gangproof.spec.Resolution;
import io.gangproof.spec.TimeFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobCountWait.Term#work} bounds the largest execution in the window found by
 * enumeration, is at most the job count, and often below it ({@code docs/analysis.md} §6a):
 * jobs arriving at least {@code T} apart, a job arriving at {@code x} executing in
 * {@code [r, r + L)} at most {@code C} and only between {@code max(x, r)} and {@code min(x + F, r + L)}.
 */
class JobCountWorkTest {

    /** The largest sum over arrival patterns in (r - F, r + L), r = 0, by dynamic programming over the last arrival. */
    private static long enumerated(long c, long t, long f, long l) {
        long best = 0;
        long[] upTo = new long[(int) (f + l) + 1];
        for (long x = -f + 1; x < l; x++) {
            long v = Math.max(0, Math.min(c, Math.min(x + f, l) - Math.max(x, 0)));
            long prev = 0;
            for (long y = -f + 1; y <= x - t; y++) {
                prev = Math.max(prev, upTo[(int) (y + f)]);
            }
            upTo[(int) (x + f)] = prev + v;
            best = Math.max(best, prev + v);
        }
        return best;
    }

    private static ChargedTask task(long c, long t, long d) {
        return new ChargedTask("j", 1, 1, c, t, d, 0, "dj", 0, TimeFormat.of(Resolution.DEFAULT));
    }

    @Test
    void workIsTheLargestExecutionInTheWindowAndAtMostTheJobCount() {
        int tighter = 0;
        int exact = 0;
        int cases = 0;
        for (long c = 1; c <= 5; c++) {
            for (long t = c; t <= 9; t++) {
                for (long f = c; f <= t; f++) {
                    for (long w = 0; w <= 20; w++) {
                        JobCountWait.Term term = new JobCountWait.Term(task(c, t, f), f, true, f);
                        long work = term.work(w);
                        long count = c * term.jobs(w);
                        // The count covers arrivals in (r - F, r + w]: exactly the jobs that can execute in the window.
                        assertThat(work).as("C %d T %d F %d w %d", c, t, f, w)
                                .isGreaterThanOrEqualTo(Math.min(enumerated(c, t, f, w + 1), count))
                                .isLessThanOrEqualTo(count);
                        exact += work == Math.min(enumerated(c, t, f, w + 1), count) ? 1 : 0;
                        cases++;
                        tighter += work < count ? 1 : 0;
                    }
                }
            }
        }
        assertThat(tighter).as("cases where the workload beats the job count").isGreaterThan(1000);
        assertThat(exact).as("cases where it is the enumerated maximum").isGreaterThan(cases * 9 / 10);
    }

    @Test
    void noWorkloadWhenJobsMayOutliveTheirPeriodOrFinishLate() {
        JobCountWait.Term late = new JobCountWait.Term(task(4, 6, 3), 3, true, 3);
        assertThat(late.work(2)).isEqualTo(4 * late.jobs(2));
    }
}
