package io.gangproof.analysis;

import io.gangproof.spec.parse.Units;
import java.math.BigInteger;
import io.gangproof.spec.Binding;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders an {@link AnalysisResult} as a plain-text table, one row per task, for the CLI to
 * print: task, k, pipeline, C, T, D, R bound, blocking bound, slack (D - R), verdict, test.
 * C is {@code wcet(k)} without reload (the analyses charge reload on top, see the witness).
 * Times are written exactly in the largest unit not above them (8390 ticks of 1 us: 8.39ms).
 */
public final class TaskTableRenderer {
    private static final String[] HEADER = {"task", "k", "pipeline", "C", "T", "D", "R", "B", "slack", "verdict", "test"};

    private TaskTableRenderer() {
    }

    public static String render(SystemSpec spec, AnalysisResult result) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Task t : spec.tasks()) {
            Optional<TaskBound> b = result.task(t.name());
            Optional<Integer> k = level(spec, t);
            String c = k.isPresent() && t.dnn().supports(k.get()) ? time(spec, t.dnn().wcet(k.get())) : "-";
            Optional<Long> r = b.flatMap(TaskBound::responseBound);
            rows.add(new String[] {t.name(), k.map(String::valueOf).orElse(t.levels().toString()), pipeline(t),
                c, time(spec, t.period()), time(spec, t.deadline()), r.map(x -> time(spec, x)).orElse("-"),
                b.flatMap(TaskBound::blockingBound).map(x -> time(spec, x)).orElse("-"),
                r.map(x -> time(spec, t.deadline() - x)).orElse("-"),
                b.map(x -> verdict(x.outcome())).orElse("-"), result.analysis()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int x = 0; x < row.length; x++) {
                width[x] = Math.max(width[x], row[x].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < rows.size(); y++) {
            String[] row = rows.get(y);
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < row.length; x++) {
                boolean numeric = x != 0 && x != 2 && x != 9 && x != 10;
                String cell = numeric ? " ".repeat(width[x] - row[x].length()) + row[x]
                        : row[x] + " ".repeat(width[x] - row[x].length());
                line.append(x == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (y == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String time(SystemSpec spec, long ticks) {
        if (ticks == 0) {
            return "0";
        }
        BigInteger nanos = BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(spec.resolution().nanosPerTick()));
        return (ticks < 0 ? "-" : "") + Units.formatNanosDecimal(nanos.abs()).replace(" ", "");
    }

    private static String verdict(Outcome o) {
        if (o == Outcome.SCHEDULABLE) {
            return "ok";
        }
        return o == Outcome.NOT_APPLICABLE ? "n/a" : "unknown";
    }

    private static Optional<Integer> level(SystemSpec spec, Task t) {
        if (t.binding() instanceof Binding.OnPipeline) {
            return spec.platform().pipeline(((Binding.OnPipeline) t.binding()).pipeline()).map(p -> p.size());
        }
        return t.levelFixed() ? Optional.of(t.level()) : Optional.empty();
    }

    private static String pipeline(Task t) {
        if (t.binding() instanceof Binding.OnPipeline) {
            return ((Binding.OnPipeline) t.binding()).pipeline();
        }
        if (t.binding() instanceof Binding.Pinned) {
            return ((Binding.Pinned) t.binding()).tpus().toString();
        }
        return t.binding() instanceof Binding.ChoosePipeline ? "?" : "any";
    }
}
