package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Every behaviour the explorer reports (counterexamples and response-time witnesses) is
 * replayed from its scenario alone by a second, independently written scheduler of
 * semantics §5-§6 (objects and lists, no encoding), which must produce the same starts, TPUs
 * and finishes. Until the reference scheduler lands, this is what keeps the generated
 * model's scheduling honest on random specs.
 */
class IndependentReplayTest {

    @Property(tries = 20)
    void reportedBehavioursReplayInAnIndependentScheduler(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SystemSpec spec = SingleBehaviourTest.spec(MergingSoundnessTest.RandomSpecs.text(new Random(seed)));
        long horizon = spec.exploration().horizon().orElseThrow();
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), horizon, Map.of());
        TransitionModel model = Explorer.instantiate(ModelGenerator.generate(plan));
        Search.Limits limits = Explorer.limits(spec, ExplorerOptions.DEFAULTS);
        Search search = new Search(model, limits, p -> { }, -1);
        Search.Outcome outcome = search.run();
        for (Search.Found f : outcome.violations()) {
            if (f != null) {
                check(seed, spec, search.replay(spec, f.parent(), f.ordinal()), f.instant());
            }
        }
        for (int task = 0; task < spec.tasks().size(); task++) {
            Search watch = new Search(model, limits, p -> { }, task);
            watch.run();
            int t = task;
            watch.responseWitness().ifPresent(w -> {
                List<JobRecord> jobs = watch.replay(spec, w.parent(), w.ordinal());
                long end = jobs.stream().filter(j -> j.task().equals(spec.tasks().get(t).name()))
                        .filter(j -> j.finish().isPresent()).mapToLong(j -> j.finish().getAsLong()).max().orElseThrow();
                check(seed, spec, jobs, end);
            });
        }
    }

    /** Random behaviours too: random answers to every choice, the whole horizon, replayed independently. */
    @Property(tries = 15)
    void randomBehavioursReplayInAnIndependentScheduler(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SystemSpec spec = SingleBehaviourTest.spec(MergingSoundnessTest.RandomSpecs.text(new Random(seed)));
        long horizon = spec.exploration().horizon().orElseThrow();
        TransitionModel model = Explorer.instantiate(
                ModelGenerator.generate(ModelPlan.of(spec, List.of(), horizon, Map.of())));
        Random answers = new Random(seed);
        for (int walk = 0; walk < 200; walk++) {
            TraceRecorder recorder = new TraceRecorder(spec);
            model.reset();
            while (model.time() < model.horizon()) {
                model.step(n -> answers.nextInt(n), recorder);
            }
            check(seed, spec, recorder.records(), horizon);
        }
    }

    private static void check(long seed, SystemSpec spec, List<JobRecord> explored, long end) {
        List<JobRecord> replayed = new SimpleScheduler(spec, explored).run(end);
        assertThat(replayed).as("seed " + seed + ", replayed to " + end + ":\n"
                + MergingSoundnessTest.RandomSpecs.text(new Random(seed))).containsExactlyElementsOf(explored);
    }

    /** A deliberately plain scheduler: one object per job, lists, comparators; the scenario fixes every choice. */
    private static final class SimpleScheduler {
        private final SystemSpec spec;
        private final List<JobRecord> scenario;
        private final List<Job> jobs = new ArrayList<>();
        private final Job[] holder;
        private final String[] lastDnn;

        private final class Job {
            final JobRecord in;
            final Task task;
            long start = -1;
            long finish = -1;
            boolean reloads;
            final List<Integer> held = new ArrayList<>();

            Job(JobRecord in) {
                this.in = in;
                this.task = spec.task(in.task());
            }

            long deadline() {
                return in.arrival() + task.deadline();
            }

            List<Integer> lockOrder() {
                List<Integer> order = new ArrayList<>(spec.eligibleTpus(task));
                if (spec.scheduler().protocol() == Protocol.PER_TPU_ASCENDING) {
                    order.sort(null);
                }
                return order;
            }

            JobRecord out() {
                return new JobRecord(in.task(), in.index(), in.arrival(), in.release(),
                        start < 0 ? java.util.OptionalLong.empty() : in.execTime(),
                        start < 0 ? java.util.Optional.empty() : in.exit(),
                        start < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(start), held, reloads,
                        finish < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(finish));
            }
        }

        SimpleScheduler(SystemSpec spec, List<JobRecord> scenario) {
            this.spec = spec;
            this.scenario = scenario;
            this.holder = new Job[spec.platform().tpus()];
            this.lastDnn = new String[spec.platform().tpus()];
        }

        List<JobRecord> run(long end) {
            for (JobRecord r : scenario) {
                jobs.add(new Job(r));
            }
            for (long t = 0; t <= end; t++) {
                // (1) finishing jobs release their TPUs
                for (Job j : jobs) {
                    if (j.start >= 0 && j.finish < 0 && j.start + (j.reloads ? j.task.dnn().reload() : 0)
                            + j.in.execTime().orElseThrow() == t) {
                        j.finish = t;
                        for (int q : j.held) {
                            holder[q] = null;
                        }
                    }
                }
                // (2) released jobs are pending; (3) dispatch
                List<Job> pending = new ArrayList<>();
                for (Job j : jobs) {
                    if (j.in.release() <= t && j.start < 0) {
                        pending.add(j);
                    }
                }
                pending.sort(order());
                if (spec.scheduler().protocol().perTpu()) {
                    boolean moved = true;
                    while (moved) {
                        moved = false;
                        for (Job j : pending) {
                            if (j.start >= 0) {
                                continue;
                            }
                            int next = j.lockOrder().get(j.held.size());
                            if (holder[next] == null) {
                                holder[next] = j;
                                j.held.add(next);
                                if (j.held.size() == j.task.level()) {
                                    begin(j, t);
                                }
                                moved = true;
                                break;
                            }
                        }
                    }
                } else {
                    // gang-strict stops at the first job that cannot start: in its partition under
                    // partitioned placement (partitions never interfere), everywhere otherwise (semantics §6)
                    java.util.Set<String> stopped = new java.util.HashSet<>();
                    boolean perPartition = spec.scheduler().placement() == Placement.PARTITIONED;
                    for (Job j : pending) {
                        String partition = perPartition ? spec.eligibleTpus(j.task).toString() : "all";
                        if (stopped.contains(partition)) {
                            continue;
                        }
                        List<Integer> want = new ArrayList<>();
                        if (spec.scheduler().placement() == Placement.GLOBAL) {
                            for (int q = 0; q < holder.length && want.size() < j.task.level(); q++) {
                                if (holder[q] == null) {
                                    want.add(q);
                                }
                            }
                            if (want.size() < j.task.level()) {
                                want.clear();
                            }
                        } else {
                            want.addAll(spec.eligibleTpus(j.task));
                            want.sort(null);
                            if (want.stream().anyMatch(q -> holder[q] != null)) {
                                want.clear();
                            }
                        }
                        if (want.isEmpty()) {
                            if (spec.scheduler().protocol() == Protocol.GANG_STRICT) {
                                stopped.add(partition);
                            }
                            continue;
                        }
                        for (int q : want) {
                            holder[q] = j;
                            j.held.add(q);
                        }
                        begin(j, t);
                    }
                }
            }
            List<JobRecord> out = new ArrayList<>();
            for (Job j : jobs) {
                out.add(j.out());
            }
            return out;
        }

        private void begin(Job j, long t) {
            j.start = t;
            for (int q : j.held) {
                if (!j.task.dnn().name().equals(lastDnn[q])) {
                    j.reloads = true;
                }
                lastDnn[q] = j.task.dnn().name();
            }
            // without a reload time, a reload costs nothing and is not worth reporting
            if (j.task.dnn().reload() == 0 && spec.dnns().stream().allMatch(d -> d.reload() == 0)) {
                j.reloads = false;
            }
        }

        private Comparator<Job> order() {
            Comparator<Job> byPriority = Comparator.comparingInt(j -> j.task.priority());
            Comparator<Job> byArrival = Comparator.comparingLong(j -> j.in.arrival());
            Comparator<Job> byName = Comparator.comparing(j -> j.task.name());
            Policy policy = spec.scheduler().policy();
            if (policy == Policy.FP) {
                return byPriority.thenComparing(byArrival).thenComparing(byName);
            }
            if (policy == Policy.EDF) {
                return Comparator.<Job>comparingLong(Job::deadline).thenComparing(byPriority).thenComparing(byArrival)
                        .thenComparing(byName);
            }
            return byArrival.thenComparing(byPriority).thenComparing(byName);
        }
    }
}
