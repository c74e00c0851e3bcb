package io.gangproof.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link NpFpResponseTime} against a plain re-statement of its equations (class Javadoc): every
 * fixed point iterated from its textbook start, blocking as a maximum over the lower-priority
 * tasks, utilisation in BigInteger. The analysis takes shortcuts for speed (the busy period of
 * level i starts from that of level i-1, blockers in one pass, shared witness lists); this holds
 * it to the same outcome, bounds and witness numbers on random partitioned specs with jitter,
 * reload and shared DNNs.
 */
class NpFpReferenceTest {
    @Property(tries = 400)
    void analysisMatchesTheEquationsTaskByTask(@ForAll long seed) {
        SystemSpec spec = randomSpec(new Random(seed));
        AnalysisResult result = new NpFpResponseTime().analyze(spec);
        for (Pipeline p : spec.platform().pipelines()) {
            List<Task> part = new ArrayList<>();
            for (Task t : spec.tasks()) {
                if (((Binding.OnPipeline) t.binding()).pipeline().equals(p.name())) {
                    part.add(t);
                }
            }
            part.sort(Comparator.comparingInt(Task::priority));
            checkPartition(p.size(), part, result);
        }
    }

    private static void checkPartition(int k, List<Task> part, AnalysisResult result) {
        Set<String> dnns = new HashSet<>();
        for (Task t : part) {
            dnns.add(t.dnn().name());
        }
        boolean shared = dnns.size() > 1;
        long once = shared || part.isEmpty() ? 0 : part.get(0).dnn().reload();
        long[] c = new long[part.size()];
        for (int x = 0; x < part.size(); x++) {
            c[x] = part.get(x).dnn().wcet(k) + (shared ? part.get(x).dnn().reload() : 0);
        }
        for (int i = 0; i < part.size(); i++) {
            Task ti = part.get(i);
            TaskBound b = result.task(ti.name()).orElseThrow();
            long blocking = 0;
            String blocker = null;
            for (int l = i + 1; l < part.size(); l++) {
                if (blocker == null || c[l] - 1 > blocking) {
                    blocking = c[l] - 1;
                    blocker = part.get(l).name();
                }
            }
            long e = blocking + once;
            BigInteger num = BigInteger.ZERO;
            BigInteger den = BigInteger.ONE;
            boolean jitter = false;
            for (int j = 0; j <= i; j++) {
                BigInteger t = BigInteger.valueOf(part.get(j).period());
                num = num.multiply(t).add(BigInteger.valueOf(c[j]).multiply(den));
                den = den.multiply(t);
                jitter |= part.get(j).jitter() > 0;
            }
            int overload = num.compareTo(den);
            if (overload > 0 || (overload == 0 && (e > 0 || jitter))) {
                assertThat(b.responseBound()).as(ti.name()).isEmpty();
                assertThat(b.schedulable()).isFalse();
                continue;
            }
            long busy = e;
            for (int j = 0; j <= i; j++) {
                busy += c[j];
            }
            while (true) {
                long next = e;
                for (int j = 0; j <= i; j++) {
                    next += ceil(busy + part.get(j).jitter(), part.get(j).period()) * c[j];
                }
                if (next == busy) {
                    break;
                }
                busy = next;
            }
            long jobs = ceil(busy + ti.jitter(), ti.period());
            List<Witness.JobStart> starts = new ArrayList<>();
            long r = 0;
            for (long q = 0; q < jobs; q++) {
                long w = e + q * c[i];
                for (int h = 0; h < i; h++) {
                    w += c[h];
                }
                while (true) {
                    long next = e + q * c[i];
                    for (int h = 0; h < i; h++) {
                        next += ceil(w + part.get(h).jitter() + 1, part.get(h).period()) * c[h];
                    }
                    if (next == w) {
                        break;
                    }
                    w = next;
                }
                long resp = ti.jitter() + w - q * ti.period() + c[i];
                starts.add(new Witness.JobStart(q, w, resp));
                r = Math.max(r, resp);
            }
            assertThat(b.responseBound()).as(ti.name()).contains(r);
            assertThat(b.schedulable()).isEqualTo(r <= ti.deadline());
            long inversion = i == part.size() - 1 ? 0 : e;
            assertThat(b.blockingBound()).contains(inversion);
            assertThat(b.inversionBound()).contains(inversion);
            Witness.NpFp w = (Witness.NpFp) b.witness();
            assertThat(w.busyPeriod()).isEqualTo(busy);
            assertThat(w.jobs()).isEqualTo(jobs);
            assertThat(w.starts()).isEqualTo(starts);
            assertThat(w.blocking()).isEqualTo(blocking);
            assertThat(w.blockingTask()).isEqualTo(java.util.Optional.ofNullable(blocker));
            assertThat(w.exec()).isEqualTo(c[i]);
            assertThat(w.oneTimeReload()).isEqualTo(once);
            assertThat(names(w.higherPriority())).isEqualTo(taskNames(part.subList(0, i)));
            assertThat(names(w.lowerPriority())).isEqualTo(taskNames(part.subList(i + 1, part.size())));
        }
    }

    private static List<String> names(List<Witness.Interferer> is) {
        List<String> out = new ArrayList<>();
        for (Witness.Interferer x : is) {
            out.add(x.task());
        }
        return out;
    }

    private static List<String> taskNames(List<Task> ts) {
        List<String> out = new ArrayList<>();
        for (Task t : ts) {
            out.add(t.name());
        }
        return out;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    /** 1–6 TPUs cut into pipelines, 1–12 tasks; some pipelines run one DNN (one-time reload), some several. */
    private static SystemSpec randomSpec(Random rnd) {
        int m = 1 + rnd.nextInt(6);
        List<Pipeline> pipelines = new ArrayList<>();
        int next = 0;
        while (next < m) {
            int size = 1 + rnd.nextInt(m - next);
            List<Integer> tpus = new ArrayList<>();
            for (int x = 0; x < size; x++) {
                tpus.add(next++);
            }
            pipelines.add(new Pipeline("p" + pipelines.size(), tpus));
        }
        int n = 1 + rnd.nextInt(12);
        List<Dnn> pool = new ArrayList<>();
        for (int x = 0; x < 4; x++) {
            pool.add(TestSpecs.flat("d" + x, 1 + rnd.nextInt(6), rnd.nextInt(4), m));
        }
        List<Integer> prios = new ArrayList<>();
        for (int x = 1; x <= n; x++) {
            prios.add(x);
        }
        Collections.shuffle(prios, rnd);
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            Pipeline p = pipelines.get(rnd.nextInt(pipelines.size()));
            Dnn d = pool.get(rnd.nextInt(rnd.nextBoolean() ? 1 : pool.size()));
            long c = d.wcet(p.size()) + d.reload();
            long t = c + rnd.nextInt(8 * (int) c + 40);
            long dl = Math.min(t, c + rnd.nextInt((int) t));
            tasks.add(TestSpecs.task("t" + x, d, new Arrival.Sporadic(t), dl, rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0,
                    prios.get(x), p.size(), new Binding.OnPipeline(p.name())));
        }
        return TestSpecs.spec("ref", m, pipelines, tasks,
                new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT));
    }
}
