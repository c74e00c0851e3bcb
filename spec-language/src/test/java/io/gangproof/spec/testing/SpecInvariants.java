package io.gangproof.spec.testing;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants documented on {@link SystemSpec}, checked independently of the resolver:
 * for testing generators and anything else that builds a {@code SystemSpec} by hand.
 */
public final class SpecInvariants {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The words of the grammar, which cannot be names. */
    public static final Set<String> KEYWORDS = Set.of("system", "resolution", "import", "platform", "tpus", "cache",
            "each", "pipeline", "dnn", "size", "reload", "latency", "exit", "task", "runs", "periodic", "offset",
            "sporadic", "deadline", "jitter", "priority", "any", "pinned", "scheduler", "with", "verify", "deadlines",
            "horizon", "limit", "bound");

    private SpecInvariants() {
    }

    /** Every broken invariant, described; empty when the spec is well-formed. */
    public static List<String> violations(SystemSpec s) {
        List<String> out = new ArrayList<>();
        name(out, s.name(), "system");
        int m = s.platform().tpus();
        if (m < 1 || m > 64) {
            out.add("platform has " + m + " TPUs, not 1..64");
        }
        if (s.platform().cacheBytes() < 0) {
            out.add("negative cache");
        }
        Set<String> pipeNames = new HashSet<>();
        Set<Integer> pipeTpus = new HashSet<>();
        boolean overlap = false;
        for (Pipeline p : s.platform().pipelines()) {
            name(out, p.name(), "pipeline");
            if (!pipeNames.add(p.name())) {
                out.add("duplicate pipeline " + p.name());
            }
            tpus(out, p.tpus(), m, "pipeline " + p.name());
            for (int t : new HashSet<>(p.tpus())) {
                overlap |= !pipeTpus.add(t);
            }
        }
        Set<String> dnnNames = new HashSet<>();
        for (Dnn d : s.dnns()) {
            name(out, d.name(), "DNN");
            if (!dnnNames.add(d.name())) {
                out.add("duplicate DNN " + d.name());
            }
            Set<String> exits = new HashSet<>();
            for (DnnExit e : d.exits()) {
                if (d.dynamic()) {
                    name(out, e.name(), "exit");
                } else if (!e.name().equals(DnnExit.SINGLE)) {
                    out.add("the single table of DNN " + d.name() + " is named " + e.name());
                }
                if (!exits.add(e.name())) {
                    out.add("duplicate exit " + e.name() + " in DNN " + d.name());
                }
                if (e.table().firstKey() < 1 || e.table().lastKey() > 64) {
                    out.add("DNN " + d.name() + " has a TPU count outside 1..64");
                }
            }
        }
        Placement placement = s.scheduler().placement();
        if (placement == Placement.PARTITIONED && overlap) {
            out.add("pipelines overlap under partitioned placement");
        }
        if (s.scheduler().protocol().perTpu() && placement == Placement.GLOBAL) {
            out.add("per-tpu protocol under global placement");
        }
        Set<String> taskNames = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        for (Task t : s.tasks()) {
            name(out, t.name(), "task");
            if (!taskNames.add(t.name())) {
                out.add("duplicate task " + t.name());
            }
            if (t.priority() < 1 || !priorities.add(t.priority())) {
                out.add("task " + t.name() + " has priority " + t.priority() + " (not >= 1 or not distinct)");
            }
            if (!s.dnns().contains(t.dnn())) {
                out.add("task " + t.name() + " runs a DNN that is not in the spec");
            }
            if (!t.dnn().levels().containsAll(t.levels())) {
                out.add("task " + t.name() + " has levels " + t.levels() + " outside its DNN's " + t.dnn().levels());
            }
            if (t.levels().first() < 1 || t.levels().last() > m) {
                out.add("task " + t.name() + " has levels " + t.levels() + " outside 1.." + m);
            }
            if (t.deadline() < 1 || t.deadline() > t.period() || t.jitter() < 0) {
                out.add("task " + t.name() + " breaks 1 <= D <= T or J >= 0");
            }
            binding(out, s, t, placement, m);
        }
        for (Property p : s.properties()) {
            p.task().filter(n -> !taskNames.contains(n)).ifPresent(n -> out.add("property about unknown task " + n));
        }
        s.exploration().horizon().filter(h -> h < 1).ifPresent(h -> out.add("horizon < 1"));
        s.exploration().maxStates().filter(h -> h < 1).ifPresent(h -> out.add("state limit < 1"));
        s.exploration().timeLimitMillis().filter(h -> h < 1).ifPresent(h -> out.add("time limit < 1 ms"));
        s.exploration().memoryBytes().filter(h -> h < 1).ifPresent(h -> out.add("memory limit < 1 B"));
        return out;
    }

    private static void binding(List<String> out, SystemSpec s, Task t, Placement placement, int m) {
        Binding b = t.binding();
        String where = "task " + t.name() + " under " + placement.keyword() + " placement";
        if (placement == Placement.GLOBAL) {
            if (!(b instanceof Binding.AnyTpus)) {
                out.add(where + " is bound by " + b);
            }
        } else if (placement == Placement.PINNED) {
            if (b instanceof Binding.Pinned p) {
                tpus(out, p.tpus(), m, where);
                if (!t.levels().equals(new java.util.TreeSet<>(List.of(p.tpus().size())))) {
                    out.add(where + " has levels " + t.levels() + " but " + p.tpus().size() + " pinned TPUs");
                }
            } else if (b instanceof Binding.ChoosePipeline) {
                if (t.levels().last() > m) {
                    out.add(where + " leaves its TPUs open with levels " + t.levels() + " above " + m);
                }
            } else {
                out.add(where + " is bound by " + b);
            }
        } else if (b instanceof Binding.OnPipeline p) {
            var pipe = s.platform().pipeline(p.pipeline());
            if (pipe.isEmpty()) {
                out.add(where + " names unknown pipeline " + p.pipeline());
            } else if (!t.levels().equals(new java.util.TreeSet<>(List.of(pipe.get().size())))) {
                out.add(where + " has levels " + t.levels() + " on a pipeline of " + pipe.get().size());
            }
        } else if (!(b instanceof Binding.ChoosePipeline)) {
            out.add(where + " is bound by " + b);
        }
    }

    private static void tpus(List<String> out, List<Integer> tpus, int m, String owner) {
        if (tpus.isEmpty()) {
            out.add(owner + " lists no TPU");
        }
        if (new HashSet<>(tpus).size() != tpus.size()) {
            out.add(owner + " lists a TPU twice");
        }
        if (tpus.stream().anyMatch(x -> x < 0 || x >= m)) {
            out.add(owner + " lists a TPU outside 0.." + (m - 1));
        }
    }

    private static void name(List<String> out, String name, String what) {
        if (!NAME.matcher(name).matches() || KEYWORDS.contains(name)) {
            out.add("'" + name + "' is not a valid " + what + " name");
        }
    }
}
