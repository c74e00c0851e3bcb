package io.gangproof.cli;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Fraction;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;
import java.util.stream.Collectors;

/** The overview {@code check} prints before the verdicts: tasks, their TPU-time, the hyperperiod. */
final class SystemSummary {
    private SystemSummary() {
    }

    static String render(String path, SystemSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append(path).append(": system ").append(spec.name()).append(", ").append(spec.tasks().size())
                .append(" task").append(spec.tasks().size() == 1 ? "" : "s").append(" on ")
                .append(spec.platform().tpus()).append(" TPU").append(spec.platform().tpus() == 1 ? "" : "s")
                .append(", ").append(spec.scheduler().describe()).append('\n');
        TextTable t = new TextTable().row("task", "dnn", "arrival", "k", "C", "D", "J", "prio", "TPU-time/T");
        for (Task task : spec.tasksByPriority()) {
            String levels = task.levels().stream().map(String::valueOf).collect(Collectors.joining("|"));
            String c = task.levels().stream().map(k -> time(spec, task.dnn().wcet(k)))
                    .collect(Collectors.joining("|"));
            String u = task.levels().stream()
                    .map(k -> Fraction.of(task.dnn().wcet(k), task.period()).times(k).toDecimal(3))
                    .collect(Collectors.joining("|"));
            t.row(task.name(), task.dnn().name(), arrival(spec, task.arrival()), levels, c, time(spec,
                    task.deadline()), time(spec, task.jitter()), String.valueOf(task.priority()), u);
        }
        out.append(t.render("  "));
        Fraction load = spec.tpuTimeUtilisation().times(spec.platform().tpus());
        out.append("  TPU-time load ").append(load.toDecimal(3)).append(" of ").append(spec.platform().tpus())
                .append(spec.platform().tpus() == 1 ? " TPU (" : " TPUs (").append(spec.tpuTimeUtilisation().times(100).toDecimal(1)).append("%)");
        if (spec.tasks().stream().anyMatch(x -> !x.levelFixed())) {
            out.append(", not counting tasks whose level is still to choose");
        }
        spec.hyperperiod().ifPresentOrElse(h -> out.append("; hyperperiod ").append(TimeFormat.of(spec).format(h)),
                () -> out.append("; hyperperiod exceeds 2^63 ticks"));
        out.append('\n');
        return out.toString();
    }

    private static String arrival(SystemSpec spec, Arrival a) {
        if (a instanceof Arrival.Periodic p) {
            return "periodic " + time(spec, p.period()) + " offset " + time(spec, p.offset());
        }
        if (a instanceof Arrival.PeriodicAnyOffset p) {
            return "periodic " + time(spec, p.period()) + " any offset";
        }
        return "sporadic " + time(spec, a.period());
    }

    /** Compact for the table's cells: {@code 6.15ms}, {@code 0}. */
    private static String time(SystemSpec spec, long ticks) {
        return ticks == 0 ? "0" : TimeFormat.of(spec).format(ticks).replace(" ", "");
    }

}
