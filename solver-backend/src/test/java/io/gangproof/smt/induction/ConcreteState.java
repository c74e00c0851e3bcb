package io.gangproof.smt.induction;

import io.gangproof.scheduler.trace.Acquisition;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The abstraction of a reference-scheduler trace at the end of instant {@code t} (docs/smt.md,
 * "state"): what the relation's variables must be when the relation describes the trace. Also
 * the inputs of instant {@code t}: releases per task and TPUs whose job finishes at {@code t}.
 */
record ConcreteState(long[] n, long[] h, long[] own, boolean[] run) {

    static ConcreteState at(ProtocolModel m, Trace trace, long t) {
        long[] n = new long[m.taskCount()];
        long[] h = new long[m.taskCount()];
        long[] own = new long[m.tpus()];
        boolean[] run = new boolean[m.tpus()];
        Arrays.fill(own, -1);
        for (JobRecord j : trace.jobs()) {
            int i = m.names().indexOf(j.task());
            boolean started = j.start().isPresent() && j.start().getAsLong() <= t;
            if (j.release() <= t && !started) {
                n[i]++;
            }
            boolean ended = j.end().isPresent() && j.end().getAsLong() <= t;
            if (ended) {
                continue;
            }
            int held = 0;
            for (Acquisition a : j.acquisitions()) {
                if (a.time() <= t) {
                    held++;
                    if (own[a.tpu()] != -1) {
                        throw new AssertionError("TPU " + a.tpu() + " held twice at " + t);
                    }
                    own[a.tpu()] = i;
                    run[a.tpu()] = started;
                }
            }
            if (!started && held > 0) {
                if (h[i] != 0) {
                    throw new AssertionError("two waiting jobs of " + j.task() + " hold locks at " + t);
                }
                h[i] = held;
            }
        }
        return new ConcreteState(n, h, own, run);
    }

    /** Releases of each task at {@code t}. */
    static long[] releases(ProtocolModel m, Trace trace, long t) {
        long[] r = new long[m.taskCount()];
        for (JobRecord j : trace.jobs()) {
            if (j.release() == t) {
                r[m.names().indexOf(j.task())]++;
            }
        }
        return r;
    }

    /** TPUs whose job finishes at {@code t}. */
    static boolean[] finishes(ProtocolModel m, Trace trace, long t) {
        boolean[] f = new boolean[m.tpus()];
        for (JobRecord j : trace.jobs()) {
            if (j.end().isPresent() && j.end().getAsLong() == t) {
                for (int p : j.tpus()) {
                    f[p] = true;
                }
            }
        }
        return f;
    }

    /** The state's values as equalities over the symbols of {@code s}. */
    List<String> equalities(State s) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            c.add(SmtText.eq(s.n(i), SmtText.num(n[i])));
            c.add(SmtText.eq(s.h(i), SmtText.num(h[i])));
        }
        for (int p = 0; p < own.length; p++) {
            c.add(SmtText.eq(s.own(p), SmtText.num(own[p])));
            c.add(SmtText.eq(s.run(p), Boolean.toString(run[p])));
        }
        return c;
    }

    static ConcreteState initial(ProtocolModel m) {
        long[] own = new long[m.tpus()];
        Arrays.fill(own, -1);
        return new ConcreteState(new long[m.taskCount()], new long[m.taskCount()], own, new boolean[m.tpus()]);
    }
}
