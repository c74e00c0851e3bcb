package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The explorer merges states through a canonical encoding (docs/semantics.md §13). This test
 * checks that merging loses nothing: on small random specs, an enumeration of every complete
 * behaviour from instant 0 to the horizon, which never encodes, decodes or merges a state,
 * must find exactly the same violated properties, at the same earliest instants, and the same
 * largest response time of every task.
 */
class MergingSoundnessTest {
    private static final int MAX_BEHAVIOURS = 150_000;

    @Property(tries = 30)
    void mergingStatesChangesNoVerdictAndNoResponseTime(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SystemSpec spec = SingleBehaviourTest.spec(RandomSpecs.text(new Random(seed)));
        long horizon = spec.exploration().horizon().orElseThrow();
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), horizon, Map.of());
        // odd seeds use the wide encoding, even seeds the packed one where it fits
        TransitionModel model = Explorer.instantiate(ModelGenerator.generate(plan, seed % 2 == 0));

        Naive naive = enumerate(model, spec.tasks().size(), false);
        Assume.that(naive.complete);
        // the JPF entry point puts the state in canonical form (decode of its encoding) after every step: no change either
        Naive canonical = enumerate(model, spec.tasks().size(), true);
        assertThat(canonical.firstViolation).as(seed + ": canonical form").containsExactly(naive.firstViolation);
        assertThat(canonical.maxResponse).as(seed + ": canonical form").containsExactly(naive.maxResponse);

        Search search = new Search(model, Explorer.limits(spec, ExplorerOptions.DEFAULTS), p -> { }, -1);
        Search.Outcome outcome = search.run();
        for (int p = 0; p < plan.properties().size(); p++) {
            Search.Found f = outcome.violations()[p];
            String what = seed + ": " + plan.properties().get(p).description() + " in\n" + RandomSpecs.text(new Random(seed));
            if (naive.firstViolation[p] < 0) {
                assertThat(f).as(what).isNull();
            } else {
                assertThat(f).as(what).isNotNull();
                assertThat(f.time()).as(what).isEqualTo(naive.firstViolation[p]);
            }
        }
        for (int task = 0; task < spec.tasks().size(); task++) {
            Search watch = new Search(model, Explorer.limits(spec, ExplorerOptions.DEFAULTS), p -> { }, task);
            watch.run();
            assertThat(watch.maxResponse()).as(seed + ": max response of task " + task)
                    .isEqualTo(naive.maxResponse[task]);
        }
    }

    private record Naive(boolean complete, long[] firstViolation, long[] maxResponse) {
    }

    /** Every answer sequence of the whole run, from reset to the horizon, without any state store. */
    private static Naive enumerate(TransitionModel model, int tasks, boolean canonicalize) {
        int[] buffer = new int[model.maxEncodedLength()];
        int properties = model.propertyCount();
        long[] first = new long[properties];
        Arrays.fill(first, -1);
        long[] max = new long[tasks];
        Arrays.fill(max, -1);
        StepObserver watch = new StepObserver() {
            @Override
            public void onArrival(int task, int arrival, int release) {
            }

            @Override
            public void onAcquire(int task, int arrival, int tpu, int time) {
            }

            @Override
            public void onStart(int task, int arrival, int start, int execTime, long tpus, boolean reloads) {
            }

            @Override
            public void onFinish(int task, int arrival, int finish) {
                max[task] = Math.max(max[task], finish - arrival);
            }
        };
        ChoiceEnumerator choices = new ChoiceEnumerator();
        choices.reset();
        int behaviours = 0;
        do {
            if (++behaviours > MAX_BEHAVIOURS) {
                return new Naive(false, first, max);
            }
            model.reset();
            choices.startRun();
            while (model.time() < model.horizon()) {
                long v = model.step(choices, watch);
                // read the violation details before the canonical form drops them
                for (int p = 0; p < properties; p++) {
                    if ((v >>> p & 1L) != 0L && (first[p] < 0 || model.violationTime(p) < first[p])) {
                        first[p] = model.violationTime(p);
                    }
                }
                if (canonicalize) {
                    model.decode(buffer, 0, model.encode(buffer));
                }
            }
        } while (choices.advance());
        return new Naive(true, first, max);
    }

    /** Small random specs over every placement, policy and protocol. */
    static final class RandomSpecs {
        private RandomSpecs() {
        }

        static String text(Random r) {
            int m = 1 + r.nextInt(3);
            int placement = r.nextInt(3); // global, pinned, partitioned
            boolean pinned = placement == 1;
            boolean partitioned = placement == 2;
            String[] policies = {"fp", "edf", "fifo"};
            String policy = policies[r.nextInt(3)];
            String[] protocols = placement > 0
                    ? new String[] {"gang-greedy", "gang-strict", "per-tpu-listed", "per-tpu-ascending"}
                    : new String[] {"gang-greedy", "gang-strict"};
            String protocol = protocols[r.nextInt(protocols.length)];
            int n = 2 + r.nextInt(2);
            StringBuilder b = new StringBuilder("system random_spec {\n  resolution 1 ms\n  platform { tpus ")
                    .append(m);
            List<List<Integer>> pipelines = new ArrayList<>();
            if (partitioned) {
                List<Integer> tpus = new ArrayList<>();
                for (int q = 0; q < m; q++) {
                    tpus.add(q);
                }
                java.util.Collections.shuffle(tpus, r);
                int cut = m == 1 ? 1 : 1 + r.nextInt(m);
                pipelines.add(tpus.subList(0, cut));
                if (cut < m) {
                    pipelines.add(tpus.subList(cut, m));
                }
                for (int p = 0; p < pipelines.size(); p++) {
                    b.append(", pipeline p").append(p).append(" = ").append(pipelines.get(p));
                }
            }
            b.append(" }\n");
            List<Integer> priorities = new ArrayList<>(List.of(1, 2, 3));
            java.util.Collections.shuffle(priorities, r);
            boolean sporadicUsed = false;
            for (int i = 0; i < n; i++) {
                int pipeline = partitioned ? r.nextInt(pipelines.size()) : -1;
                int k = partitioned ? pipelines.get(pipeline).size() : 1 + r.nextInt(m);
                int bcet = 1 + r.nextInt(2);
                int wcet = bcet + r.nextInt(2);
                b.append("  dnn d").append(i).append(" { ");
                if (r.nextInt(3) == 0) {
                    b.append("reload 1 ms, ");
                }
                if (r.nextInt(4) == 0) {
                    b.append("exit early { ").append(k).append(": 1 ms } exit full { ").append(k).append(": ")
                            .append(bcet + 1).append(" ms .. ").append(wcet + 1).append(" ms } }\n");
                } else {
                    b.append("latency { ").append(k).append(": ").append(bcet).append(" ms .. ").append(wcet)
                            .append(" ms } }\n");
                }
                int period = 3 + r.nextInt(4);
                int deadline = 1 + r.nextInt(period);
                b.append("  task t").append(i).append(" { runs d").append(i).append(", ");
                int arrival = r.nextInt(3);
                if (arrival == 2 && !sporadicUsed) {
                    sporadicUsed = true;
                    b.append("sporadic ").append(period).append(" ms, ");
                } else if (arrival == 1) {
                    b.append("periodic ").append(period).append(" ms, ");
                } else {
                    b.append("periodic ").append(period).append(" ms offset ").append(r.nextInt(period))
                            .append(" ms, ");
                }
                b.append("deadline ").append(deadline).append(" ms, ");
                if (r.nextInt(4) == 0) {
                    b.append("jitter 1 ms, ");
                }
                b.append("priority ").append(priorities.get(i)).append(", ");
                if (partitioned) {
                    b.append("pipeline p").append(pipeline).append(" }\n");
                } else if (pinned) {
                    List<Integer> tpus = new ArrayList<>();
                    for (int q = 0; q < m; q++) {
                        tpus.add(q);
                    }
                    java.util.Collections.shuffle(tpus, r);
                    b.append("pinned ").append(tpus.subList(0, k)).append(" }\n");
                } else {
                    b.append("tpus ").append(k).append(" }\n");
                }
            }
            b.append("  scheduler ").append(partitioned ? "partitioned " : pinned ? "pinned " : "global ").append(policy).append(" with ")
                    .append(protocol).append('\n');
            b.append("  verify {\n    deadlines\n    deadlines(t1)\n    response(t0) <= ").append(1 + r.nextInt(4))
                    .append(" ms\n    inversion(t0) <= ").append(r.nextInt(3)).append(" ms\n    overtakes(t0) <= ")
                    .append(r.nextInt(2)).append("\n    deadlock-free\n    horizon ").append(5 + r.nextInt(4))
                    .append(" ms\n  }\n}\n");
            return b.toString();
        }
    }
}
