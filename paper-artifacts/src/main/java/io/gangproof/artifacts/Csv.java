package io.gangproof.artifacts;

import io.gangproof.spec.Fraction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The result file of an experiment: comment lines, then one row per (point, method). A shard's
 * file has one more comment line naming the shard; merging the shards gives byte for byte the
 * file a single run writes. Counts are per bin (sets whose exact utilisation is nearest to the
 * point); {@code ratio = accepted / samples}, an exact fraction rendered with 4 decimals
 * (half-even), empty for a bin without sets. The last two columns are the bin's 95% Wilson
 * interval (the error bar the figure draws), rounded outwards to 4 decimals (low down, high up)
 * so the printed interval contains the computed one; they are derived from the counts and
 * recomputed whenever a file is rendered, so a merge gives the intervals of the summed counts.
 */
public final class Csv {
    public static final String FORMAT = "2";
    public static final String COLUMNS = "point,method,samples,accepted,unknown,ratio,wilson95_low,wilson95_high";
    private static final int FIELDS = 8;
    public static final String AXIS_LINE = "# x = normalised TPU-time utilisation sum_i(k_i*C_i/T_i)/m of each "
            + "generated set (exact), binned to the nearest point; samples = sets in the bin; ratio = "
            + "accepted/samples; unknown sets are not accepted; wilson95_low..wilson95_high = 95% Wilson score "
            + "interval of the ratio, rounded outwards";

    private Csv() {
    }

    /** One data row. */
    public record Row(String point, String method, long samples, long accepted, long unknown) {
        String render() {
            if (samples == 0) {
                return point + "," + method + ",0," + accepted + "," + unknown + ",,,";
            }
            String ratio = Fraction.of(accepted, samples).toDecimal(4);
            WilsonInterval ci = WilsonInterval.of95(accepted, samples);
            return point + "," + method + "," + samples + "," + accepted + "," + unknown + "," + ratio + ","
                    + decimal(ci.low(), RoundingMode.FLOOR) + "," + decimal(ci.high(), RoundingMode.CEILING);
        }
    }

    private static String decimal(double value, RoundingMode rounding) {
        return new BigDecimal(value).setScale(4, rounding).toPlainString();
    }

    /** A parsed file: its header line, its shard (for shard files) and its rows. */
    public record Parsed(String header, Optional<Shard> shard, long items, List<Row> rows) {
    }

    public static String version() {
        try (InputStream in = Csv.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The first line: everything that identifies the experiment and its definition. */
    public static String header(Experiment e) {
        return "# experiment=" + e.name() + " seed=" + e.seed() + " tpus=" + e.tpus() + " tasks=" + e.minTasks()
                + ".." + e.maxTasks() + " samplesPerPoint=" + e.samplesPerPoint() + " size=" + e.size()
                + " definition=" + e.definitionDigest() + " tool=gangproof-artifacts/" + version() + " format="
                + FORMAT;
    }

    public static List<Row> rows(Experiment e, long[][][] counts) {
        List<Row> rows = new ArrayList<>();
        List<String> methods = e.effectiveMethods();
        for (int p = 0; p < e.points().size(); p++) {
            for (int m = 0; m < methods.size(); m++) {
                long[] c = counts[p][m];
                rows.add(new Row(e.points().get(p).toPlainString(), methods.get(m), c[0], c[1], c[2]));
            }
        }
        return rows;
    }

    public static String render(String header, Optional<Shard> shard, long items, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(header).append('\n');
        shard.ifPresent(s -> b.append("# shard=").append(s).append(" items=").append(items).append('\n'));
        b.append(AXIS_LINE).append('\n').append(COLUMNS).append('\n');
        for (Row r : rows) {
            b.append(r.render()).append('\n');
        }
        return b.toString();
    }

    /** One line per generated set: indices, bin, exact utilisation, the tasks as {@code k:C/T}, each outcome. */
    public static String sets(Experiment e, List<Runner.SetRecord> records) {
        StringBuilder b = new StringBuilder();
        b.append(header(e)).append('\n');
        b.append("point_index,sample,bin_point,utilisation,utilisation_decimal,tasks");
        for (String m : e.effectiveMethods()) {
            b.append(',').append(m);
        }
        b.append('\n');
        for (Runner.SetRecord r : records) {
            b.append(r.point()).append(',').append(r.sample()).append(',')
                    .append(e.points().get(r.bin()).toPlainString()).append(',').append(r.set().utilisation())
                    .append(',').append(r.set().utilisation().toDecimal(4)).append(',');
            StringBuilder tasks = new StringBuilder();
            for (io.gangproof.spec.Task t : r.set().spec().tasksByPriority()) {
                tasks.append(tasks.length() == 0 ? "" : " ").append(t.level()).append(':').append(t.wcet()).append('/')
                        .append(t.period());
            }
            b.append(tasks);
            for (Outcome o : r.outcomes()) {
                b.append(',').append(o);
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static Parsed read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int i = 0;
        if (lines.isEmpty() || !lines.get(0).startsWith("# experiment=")) {
            throw new IllegalArgumentException(file + " is not an experiment CSV (no '# experiment=' first line)");
        }
        String header = lines.get(i++);
        Optional<Shard> shard = Optional.empty();
        long items = -1;
        if (i < lines.size() && lines.get(i).startsWith("# shard=")) {
            String[] parts = lines.get(i++).substring(2).split(" ");
            try {
                shard = Optional.of(Shard.parse(parts[0].substring("shard=".length())));
                items = Long.parseLong(parts[1].substring("items=".length()));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(file + ": malformed shard line: " + lines.get(i - 1));
            }
        }
        while (i < lines.size() && lines.get(i).startsWith("#")) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).equals(COLUMNS)) {
            throw new IllegalArgumentException(file + ": expected the column line '" + COLUMNS + "'");
        }
        i++;
        List<Row> rows = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != FIELDS) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + FIELDS + " fields, got "
                        + f.length);
            }
            try {
                new BigDecimal(f[0]);
                rows.add(new Row(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed row: " + lines.get(i));
            }
        }
        return new Parsed(header, shard, items, rows);
    }

    /**
     * Sums shard files into the file a single run writes. The shards must be of one experiment
     * (identical header line, hence definition digest), of one shard count, each index exactly once
     * (complete and disjoint), with the same rows.
     */
    public static String merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one shard file");
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Path f : files) {
            Parsed p = read(f);
            if (p.shard().isEmpty()) {
                throw new IllegalArgumentException(f + " is not a shard file (no '# shard=' line)");
            }
            parsed.add(p);
        }
        Parsed first = parsed.get(0);
        int count = first.shard().get().count();
        Path[] seen = new Path[count + 1];
        for (int k = 0; k < parsed.size(); k++) {
            Parsed p = parsed.get(k);
            Path f = files.get(k);
            if (!p.header().equals(first.header())) {
                throw new IllegalArgumentException(f + " is of another experiment or definition than " + files.get(0)
                        + ":\n  " + p.header() + "\n  " + first.header());
            }
            Shard s = p.shard().get();
            if (s.count() != count) {
                throw new IllegalArgumentException(f + " is shard " + s + " but " + files.get(0) + " is of " + count
                        + " shards");
            }
            if (seen[s.index()] != null) {
                throw new IllegalArgumentException("shard " + s + " given twice: " + seen[s.index()] + " and " + f);
            }
            seen[s.index()] = f;
            if (p.rows().size() != first.rows().size()) {
                throw new IllegalArgumentException(f + " has " + p.rows().size() + " rows, " + files.get(0) + " has "
                        + first.rows().size());
            }
            for (int r = 0; r < p.rows().size(); r++) {
                Row a = p.rows().get(r);
                Row b = first.rows().get(r);
                if (!a.point().equals(b.point()) || !a.method().equals(b.method())) {
                    throw new IllegalArgumentException(f + " row " + (r + 1) + " is (" + a.point() + ", " + a.method()
                            + "), expected (" + b.point() + ", " + b.method() + ")");
                }
            }
            java.util.Map<String, Long> samples = new java.util.LinkedHashMap<>();
            for (Row r : p.rows()) {
                samples.merge(r.method(), r.samples(), Long::sum);
                if (r.accepted() < 0 || r.unknown() < 0 || r.accepted() + r.unknown() > r.samples()) {
                    throw new IllegalArgumentException(f + ": inconsistent counts for (" + r.point() + ", "
                            + r.method() + ")");
                }
            }
            for (java.util.Map.Entry<String, Long> e : samples.entrySet()) {
                if (e.getValue() != p.items()) {
                    throw new IllegalArgumentException(f + " declares " + p.items() + " items but counts "
                            + e.getValue() + " sets for " + e.getKey());
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int s = 1; s <= count; s++) {
            if (seen[s] == null) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("incomplete: shards " + missing + " of " + count + " are missing");
        }
        List<Row> sum = new ArrayList<>();
        for (int r = 0; r < first.rows().size(); r++) {
            long samples = 0;
            long accepted = 0;
            long unknown = 0;
            for (Parsed p : parsed) {
                Row x = p.rows().get(r);
                samples += x.samples();
                accepted += x.accepted();
                unknown += x.unknown();
            }
            Row f = first.rows().get(r);
            sum.add(new Row(f.point(), f.method(), samples, accepted, unknown));
        }
        return render(first.header(), Optional.empty(), 0, sum);
    }
}
