package io.gangproof.artifacts;

import io.gangproof.spec.Dnn;
import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DNN latency tables of a {@code .gang} file of {@code dnn} declarations (such as
 * {@code case-studies/specs/dnn/coral-derived.gang}), read with the spec loader, as a source of
 * task widths: for each DNN its <em>useful</em> levels in {@code 1..m}, those whose worst-case
 * latency is strictly below that of every smaller level (a level slower than a narrower one
 * only wastes TPUs). A generated task takes a DNN uniformly, then one of its useful levels
 * uniformly. The drawn utilisation and period fix the execution time at that level; the other
 * useful levels get the table's latency shape scaled to it (see {@link TaskSetGenerator}), so a
 * method that chooses levels (partitioned assignment) has the table's trade-off to work with.
 */
public record DnnTables(List<Entry> entries, String digest) {
    /** A DNN, its useful levels (ascending) and its worst-case latency in ticks (of 1 us) at each. */
    public record Entry(String dnn, List<Integer> usefulLevels, java.util.SortedMap<Integer, Long> wcet) {
        public Entry {
            usefulLevels = List.copyOf(usefulLevels);
            wcet = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(wcet));
        }
    }

    public DnnTables {
        entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException with the loader's diagnostics when the file is not usable */
    public static DnnTables load(Path file, int tpus) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read DNN tables " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        String name = file.getFileName().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        // A minimal system that imports the file: the loader resolves every table (units, exits, checks).
        String wrapper = "system dnn_tables {\n  import \"" + name + "\"\n  platform { tpus " + tpus + " }\n"
                + "  dnn placeholder_dnn { latency { 1: 1 us } }\n"
                + "  task placeholder { runs placeholder_dnn, sporadic 1 ms, priority 1, tpus 1 }\n"
                + "  scheduler global fp with gang-strict\n}\n";
        LoadResult result = SpecLoader.loadText(file.toString(), wrapper, dir);
        if (result instanceof LoadResult.Invalid invalid) {
            throw new IllegalArgumentException("DNN tables " + file + " do not load: " + invalid.diagnostics().stream()
                    .map(Diagnostic::message).collect(Collectors.joining("; ")));
        }
        List<Entry> entries = new ArrayList<>();
        for (Dnn d : ((LoadResult.Loaded) result).spec().dnns()) {
            if (d.name().equals("placeholder_dnn")) {
                continue;
            }
            List<Integer> useful = new ArrayList<>();
            java.util.SortedMap<Integer, Long> wcet = new java.util.TreeMap<>();
            long best = Long.MAX_VALUE;
            for (int k : d.levels()) {
                if (k > tpus) {
                    break;
                }
                long w = d.wcet(k);
                if (w < best) {
                    useful.add(k);
                    wcet.put(k, w);
                    best = w;
                }
            }
            if (!useful.isEmpty()) {
                entries.add(new Entry(d.name(), useful, wcet));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("DNN tables " + file + " have no DNN with a level in 1.." + tpus);
        }
        return new DnnTables(entries, Experiment.digest(text));
    }
}
