package io.gangproof.spec.testing;

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
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a {@link SystemSpec} in a random one of the many texts that mean it: every time and
 * size in a random unit (decimals, underscores, leading zeros, with or without a space),
 * defaults left out or spelled out, attributes in random order with or without commas,
 * {@code tpus} as a number, a range or a set, a unit-less lower latency bound, DNNs at the top
 * level or in imported files (nested, resolved against the importing file's folder), and the
 * system's declarations in random order. Loading any such text must give back the spec;
 * {@code SpecWriter} writes the one canonical text.
 */
public final class VariantWriter {
    /** The main file's text and the imported files it needs, by path relative to the main file. */
    public record Variant(String main, Map<String, String> imports) {
    }

    private static final String[] TIME_UNITS = {"ns", "us", "ms", "s"};
    private static final long[] TIME_NANOS = {1L, 1_000L, 1_000_000L, 1_000_000_000L};
    private static final String[] SIZE_UNITS = {"B", "KB", "MB", "GB", "KiB", "MiB", "GiB"};
    private static final long[] SIZE_BYTES = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 1L << 10, 1L << 20, 1L << 30};

    private final SystemSpec spec;
    private final Choices c;
    private final Map<String, String> imports = new LinkedHashMap<>();

    private VariantWriter(SystemSpec spec, Choices c) {
        this.spec = spec;
        this.c = c;
    }

    public static Variant write(SystemSpec spec, Choices choices) {
        VariantWriter w = new VariantWriter(spec, choices);
        String main = w.file();
        return new Variant(main, w.imports);
    }

    private String file() {
        List<Dnn> dnns = spec.dnns();
        // DNNs at the top level come before those in the system, whether above or below it.
        int topLevel = c.chance(30) ? c.between(0, dnns.size()) : 0;
        int above = c.between(0, topLevel);
        List<String> before = dnnItems(dnns.subList(0, above), "top_a");
        List<String> after = dnnItems(dnns.subList(above, topLevel), "top_b");
        List<String> inner = dnnItems(dnns.subList(topLevel, dnns.size()), "inner");
        StringBuilder out = new StringBuilder();
        before.forEach(s -> out.append(s).append('\n'));
        out.append("system ").append(spec.name()).append(" {\n");
        List<String> fixed = new ArrayList<>();
        if (spec.resolution().nanosPerTick() != 1_000 || c.chance(30)) {
            fixed.add("resolution " + time(BigInteger.valueOf(spec.resolution().nanosPerTick())));
        }
        fixed.add(platform());
        fixed.add(scheduler());
        verify().ifPresent(fixed::add);
        List<String> tasks = spec.tasks().stream().map(this::task).toList();
        // Interleave the ordered lists (DNNs in order, tasks in order) with the rest anywhere.
        List<String> items = merge(merge(inner, tasks), fixed);
        items.forEach(s -> out.append("  ").append(s).append('\n'));
        out.append("}\n");
        after.forEach(s -> out.append(s).append('\n'));
        return out.toString();
    }

    /** Two lists merged at random, each keeping its order. */
    private List<String> merge(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && c.chance(50))) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    /** Declarations of {@code dnns}, in order, some of them moved into imported files. */
    private List<String> dnnItems(List<Dnn> dnns, String tag) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < dnns.size()) {
            if (c.chance(25)) {
                int end = c.between(i + 1, dnns.size());
                out.add("import \"" + importFile(dnns.subList(i, end), tag + "_" + i) + "\"");
                i = end;
            } else {
                out.add(dnn(dnns.get(i++)));
            }
        }
        return out;
    }

    /** Writes {@code dnns} to an imported file (perhaps importing a nested one) and returns its path. */
    private String importFile(List<Dnn> dnns, String tag) {
        String path = "lib/" + tag + ".gang";
        StringBuilder text = new StringBuilder("// imported DNNs\n");
        int nested = dnns.size() > 1 && c.chance(40) ? c.between(1, dnns.size() - 1) : 0;
        if (nested > 0) {
            // Nested imports resolve against lib/, the folder of this file.
            String inner = "nested/" + tag + ".gang";
            StringBuilder innerText = new StringBuilder();
            dnns.subList(0, nested).forEach(d -> innerText.append(dnn(d)).append('\n'));
            imports.put("lib/" + inner, innerText.toString());
            text.append("import \"").append(inner).append("\"\n");
        }
        dnns.subList(nested, dnns.size()).forEach(d -> text.append(dnn(d)).append('\n'));
        imports.put(path, text.toString());
        return path;
    }

    // ---------------------------------------------------------------- declarations

    private String platform() {
        List<String> items = new ArrayList<>();
        items.add("tpus " + count(spec.platform().tpus()));
        long cache = spec.platform().cacheBytes();
        if (cache != 8L << 20 || c.chance(30)) {
            items.add("cache " + size(cache) + (c.chance(30) ? " each" : ""));
        }
        List<String> pipes = new ArrayList<>();
        for (Pipeline p : spec.platform().pipelines()) {
            pipes.add("pipeline " + p.name() + " = " + list(p.tpus()));
        }
        return block("platform", merge(pipes, items));
    }

    private String dnn(Dnn d) {
        List<String> items = new ArrayList<>();
        if (d.sizeBytes() != 0 || c.chance(20)) {
            items.add("size " + size(d.sizeBytes()));
        }
        if (d.reload() != 0 || c.chance(20)) {
            items.add("reload " + ticks(d.reload()));
        }
        List<String> tables = new ArrayList<>();
        for (DnnExit e : d.exits()) {
            tables.add((d.dynamic() ? "exit " + e.name() : "latency") + " " + table(e));
        }
        return block("dnn " + d.name(), merge(tables, items));
    }

    private String table(DnnExit e) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<Integer, Latency> x : e.table().entrySet()) {
            entries.add(count(x.getKey()) + ":" + (c.chance(50) ? " " : "") + latency(x.getValue()));
        }
        shuffle(entries);
        return "{ " + String.join(", ", entries) + (c.chance(20) ? ", }" : " }");
    }

    private String latency(Latency l) {
        if (l.isExact() && c.chance(80)) {
            return ticks(l.wcet());
        }
        int unit = c.below(TIME_UNITS.length);
        String hi = time(nanos(l.wcet()), unit);
        if (c.chance(50)) {
            // A lower bound without a unit takes the upper bound's.
            String lo = number(new BigDecimal(nanos(l.bcet())).divide(BigDecimal.valueOf(TIME_NANOS[unit])));
            return lo + " .. " + hi;
        }
        return ticks(l.bcet()) + " .. " + hi;
    }

    private String task(Task t) {
        List<String> items = new ArrayList<>();
        items.add("runs " + t.dnn().name());
        Arrival a = t.arrival();
        if (a instanceof Arrival.Periodic p) {
            items.add("periodic " + ticks(p.period()) + " offset " + ticks(p.offset()));
        } else if (a instanceof Arrival.PeriodicAnyOffset) {
            items.add("periodic " + ticks(a.period()));
        } else {
            items.add("sporadic " + ticks(a.period()));
        }
        if (t.deadline() != t.period() || c.chance(40)) {
            items.add("deadline " + ticks(t.deadline()));
        }
        if (t.jitter() != 0 || c.chance(20)) {
            items.add("jitter " + ticks(t.jitter()));
        }
        items.add("priority " + count(t.priority()));
        Binding b = t.binding();
        boolean levelImplied = false;
        if (b instanceof Binding.OnPipeline p) {
            items.add("pipeline " + p.pipeline());
            levelImplied = true;
        } else if (b instanceof Binding.Pinned p) {
            items.add("pinned " + list(p.tpus()));
            levelImplied = true;
        } else if (b instanceof Binding.ChoosePipeline) {
            items.add(spec.scheduler().placement() == Placement.PINNED ? "pinned any" : "pipeline any");
        }
        String tpus = levels(t, levelImplied);
        if (tpus != null) {
            items.add(tpus);
        }
        shuffle(items);
        return block("task " + t.name(), items);
    }

    /** A {@code tpus} attribute that gives the task's levels, or null when leaving it out does too. */
    private String levels(Task t, boolean implied) {
        int m = spec.platform().tpus();
        SortedSet<Integer> usable = new TreeSet<>(t.dnn().levels().headSet(m + 1));
        SortedSet<Integer> levels = t.levels();
        boolean omittable = implied || (t.binding() instanceof Binding.AnyTpus ? usable.equals(levels)
                && levels.size() == 1 : usable.equals(levels));
        if (omittable && c.chance(50)) {
            return null;
        }
        int lo = levels.first();
        int hi = levels.last();
        boolean rangeFits = usable.subSet(lo, hi + 1).equals(levels);
        int choice = c.below(3);
        if (levels.size() == 1 && choice == 0) {
            return "tpus " + count(lo);
        }
        if (rangeFits && choice == 1) {
            // Widen the range over counts that add nothing: absent from the table or beyond m.
            int from = lo;
            while (from > 1 && !usable.contains(from - 1) && c.chance(50)) {
                from--;
            }
            int to = hi;
            while (to < 64 && !usable.contains(to + 1) && c.chance(70)) {
                to++;
            }
            return "tpus " + count(from) + " .. " + count(to);
        }
        List<String> set = levels.stream().map(this::count).collect(Collectors.toCollection(ArrayList::new));
        shuffle(set);
        return "tpus { " + String.join(", ", set) + " }";
    }

    private String scheduler() {
        Protocol p = spec.scheduler().protocol();
        return "scheduler " + spec.scheduler().placement().keyword() + " " + spec.scheduler().policy().keyword()
                + (p == Protocol.GANG_STRICT && c.chance(50) ? "" : " with " + p.keyword());
    }

    private java.util.Optional<String> verify() {
        Exploration x = spec.exploration();
        List<String> settings = new ArrayList<>();
        x.horizon().ifPresent(h -> settings.add("horizon " + ticks(h)));
        x.maxStates().ifPresent(n -> settings.add("limit states " + count(n)));
        x.timeLimitMillis().ifPresent(ms -> settings.add("limit time " + time(BigInteger.valueOf(ms)
                .multiply(BigInteger.valueOf(1_000_000L)))));
        x.memoryBytes().ifPresent(b -> settings.add("limit memory " + size(b)));
        shuffle(settings);
        List<String> props = spec.properties().stream().map(this::property).toList();
        if (props.isEmpty() && settings.isEmpty() && c.chance(50)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(block("verify", merge(props, settings)));
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
            return isTime ? ticks(v.value()) : count(v.value());
        }
        return "bound";
    }

    // ---------------------------------------------------------------- layout

    /** A block on one line or several, attributes separated by commas or newlines. */
    private String block(String header, List<String> items) {
        boolean oneLine = c.chance(40);
        StringBuilder s = new StringBuilder(header).append(" {");
        for (int i = 0; i < items.size(); i++) {
            s.append(oneLine ? " " : "\n    ").append(items.get(i).replace("\n", "\n  "));
            boolean last = i == items.size() - 1;
            if (oneLine ? !last || c.chance(20) : c.chance(20)) {
                s.append(',');
            }
        }
        return s.append(oneLine ? " }" : "\n  }").toString();
    }

    private void shuffle(List<String> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = i - c.below(i + 1);
            String x = items.get(i);
            items.set(i, items.get(j));
            items.set(j, x);
        }
    }

    // ---------------------------------------------------------------- literals

    private BigInteger nanos(long ticks) {
        return BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(spec.resolution().nanosPerTick()));
    }

    private String ticks(long ticks) {
        return time(nanos(ticks));
    }

    /** A time in a random unit; the value may become a decimal, which must stay exact. */
    private String time(BigInteger nanos) {
        return time(nanos, c.below(TIME_UNITS.length));
    }

    private String time(BigInteger nanos, int unit) {
        BigDecimal v = new BigDecimal(nanos).divide(BigDecimal.valueOf(TIME_NANOS[unit]));
        return number(v) + (c.chance(20) ? "" : " ") + TIME_UNITS[unit];
    }

    private String size(long bytes) {
        int unit = c.below(SIZE_UNITS.length);
        BigDecimal v = new BigDecimal(bytes).divide(BigDecimal.valueOf(SIZE_BYTES[unit]));
        return number(v) + (c.chance(20) ? "" : " ") + SIZE_UNITS[unit];
    }

    /** A non-negative decimal, exactly, perhaps with trailing zeros and digit separators. */
    private String number(BigDecimal v) {
        BigDecimal plain = v.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        if (c.chance(15)) {
            plain = plain.setScale(plain.scale() + c.between(1, 2));
        }
        String text = plain.toPlainString();
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        return underscores(whole) + (point < 0 ? "" : text.substring(point));
    }

    private String count(long n) {
        return (c.chance(5) ? "0" : "") + underscores(Long.toString(n));
    }

    /** Digit separators between some digits. */
    private String underscores(String digits) {
        if (digits.length() < 2 || !c.chance(20)) {
            return digits;
        }
        StringBuilder s = new StringBuilder().append(digits.charAt(0));
        for (int i = 1; i < digits.length(); i++) {
            if (c.chance(30)) {
                s.append('_');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }

    private String list(List<Integer> tpus) {
        return tpus.stream().map(i -> count(i)).collect(Collectors.joining(", ", "[", "]"));
    }
}
