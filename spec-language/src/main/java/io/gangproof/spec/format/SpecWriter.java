package io.gangproof.spec.format;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.parse.Units;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link SystemSpec} as canonical spec text, e.g. a spec rewritten by priority or
 * parallelism assignment. Every DNN is written inline (imports are not reconstructed) and
 * every time in the largest unit that represents it exactly, so that loading the text
 * gives back an equal {@code SystemSpec}.
 */
public final class SpecWriter {
    private final SystemSpec spec;
    private final StringBuilder out = new StringBuilder();

    private SpecWriter(SystemSpec spec) {
        this.spec = spec;
    }

    public static String write(SystemSpec spec) {
        return SpecFormatter.formatText(new SpecWriter(spec).system());
    }

    private String system() {
        out.append("system ").append(spec.name()).append(" {\n");
        out.append("resolution ").append(Units.formatNanos(BigInteger.valueOf(spec.resolution().nanosPerTick())))
                .append("\n\n");
        out.append("platform {\n").append("tpus ").append(spec.platform().tpus()).append('\n');
        out.append("cache ").append(Units.formatBytes(BigInteger.valueOf(spec.platform().cacheBytes()))).append(
                '\n');
        for (Pipeline p : spec.platform().pipelines()) {
            out.append("pipeline ").append(p.name()).append(" = ").append(list(p.tpus())).append('\n');
        }
        out.append("}\n");
        for (Dnn d : spec.dnns()) {
            dnn(d);
        }
        for (Task t : spec.tasks()) {
            task(t);
        }
        out.append("\nscheduler ").append(spec.scheduler().describe()).append('\n');
        verify();
        out.append("}\n");
        return out.toString();
    }

    private void dnn(Dnn d) {
        out.append("\ndnn ").append(d.name()).append(" {\n");
        if (d.sizeBytes() > 0) {
            out.append("size ").append(Units.formatBytes(BigInteger.valueOf(d.sizeBytes()))).append('\n');
        }
        if (d.reload() > 0) {
            out.append("reload ").append(time(d.reload())).append('\n');
        }
        for (DnnExit e : d.exits()) {
            out.append(d.dynamic() ? "exit " + e.name() : "latency").append(" { ");
            out.append(e.table().entrySet().stream().map(this::entry).collect(Collectors.joining(", ")));
            out.append(" }\n");
        }
        out.append("}\n");
    }

    private String entry(Map.Entry<Integer, Latency> e) {
        Latency l = e.getValue();
        return e.getKey() + ": " + (l.isExact() ? time(l.wcet()) : time(l.bcet()) + " .. " + time(l.wcet()));
    }

    private void task(Task t) {
        out.append("\ntask ").append(t.name()).append(" {\n");
        out.append("runs ").append(t.dnn().name()).append('\n');
        Arrival a = t.arrival();
        if (a instanceof Arrival.Periodic p) {
            out.append("periodic ").append(time(p.period())).append(" offset ").append(time(p.offset()));
        } else if (a instanceof Arrival.PeriodicAnyOffset p) {
            out.append("periodic ").append(time(p.period()));
        } else {
            out.append("sporadic ").append(time(a.period()));
        }
        out.append('\n').append("deadline ").append(time(t.deadline())).append('\n');
        if (t.jitter() > 0) {
            out.append("jitter ").append(time(t.jitter())).append('\n');
        }
        out.append("priority ").append(t.priority()).append('\n');
        Binding b = t.binding();
        if (b instanceof Binding.OnPipeline p) {
            out.append("pipeline ").append(p.pipeline()).append('\n');
        } else if (b instanceof Binding.Pinned p) {
            out.append("pinned ").append(list(p.tpus())).append('\n');
        } else {
            out.append("tpus ").append(t.levelFixed() ? String.valueOf(t.level())
                    : "{ " + t.levels().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " }")
                    .append('\n');
            if (b instanceof Binding.ChoosePipeline) {
                out.append(spec.scheduler().placement() == Placement.PINNED ? "pinned any\n" : "pipeline any\n");
            }
        }
        out.append("}\n");
    }

    private void verify() {
        Exploration x = spec.exploration();
        if (spec.properties().isEmpty() && x.equals(Exploration.DEFAULTS)) {
            return;
        }
        out.append("\nverify {\n");
        for (Property p : spec.properties()) {
            out.append(property(p)).append('\n');
        }
        x.horizon().ifPresent(h -> out.append("horizon ").append(time(h)).append('\n'));
        x.maxStates().ifPresent(n -> out.append("limit states ").append(n).append('\n'));
        x.timeLimitMillis().ifPresent(ms -> out.append("limit time ")
                .append(Units.formatNanos(BigInteger.valueOf(ms).multiply(BigInteger.valueOf(1_000_000L))))
                .append('\n'));
        x.memoryBytes().ifPresent(b -> out.append("limit memory ").append(Units.formatBytes(BigInteger.valueOf(b)))
                .append('\n'));
        out.append("}\n");
    }

    /** The spec form of a property, e.g. {@code response(detect) <= 41 ms}. */
    public static String describe(SystemSpec spec, Property p) {
        return new SpecWriter(spec).property(p);
    }

    private String property(Property p) {
        if (p instanceof Property.Deadlines d) {
            return d.task().map(t -> "deadlines(" + t + ")").orElse("deadlines");
        }
        if (p instanceof Property.DeadlockFree) {
            return "deadlock-free";
        }
        if (p instanceof Property.Response r) {
            return "response(" + r.taskName() + ") <= " + bound(r.bound(), true);
        }
        if (p instanceof Property.Inversion i) {
            return "inversion(" + i.taskName() + ") <= " + bound(i.bound(), true);
        }
        Property.Overtakes o = (Property.Overtakes) p;
        return "overtakes(" + o.taskName() + ") <= " + bound(o.bound(), false);
    }

    private String bound(Bound b, boolean isTime) {
        if (b instanceof Bound.Value v) {
            return isTime ? time(v.value()) : String.valueOf(v.value());
        }
        return "bound";
    }

    /** A tick count in the largest unit that writes it exactly. */
    public static String time(SystemSpec spec, long ticks) {
        return new SpecWriter(spec).time(ticks);
    }

    private String time(long ticks) {
        return Units.formatNanos(BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(spec.resolution()
                .nanosPerTick())));
    }

    private static String list(List<Integer> tpus) {
        return tpus.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
