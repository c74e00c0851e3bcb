package io.gangproof.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One experiment, as read from {@code experiments/NAME.json} and validated. Every error names
 * its field ({@link ExperimentException}). See {@code paper-artifacts/README.md} for the format.
 *
 * @param points      target normalised TPU-time utilisations, ascending and distinct (exact decimals);
 *                    generated sets are binned by their actual utilisation to the nearest point
 * @param maxTaskUtilisation cap of one task's TPU-time utilisation {@code k C / T}, in {@code (0, 1]}
 * @param methods     ids of registered {@link Method}s, in plot order
 * @param plannedMethods ids of methods that run once they are registered (e.g. SMT synthesis)
 * @param size        {@code full} or {@code smoke}
 */
public record Experiment(String name, String description, long seed, int tpus, int minTasks, int maxTasks,
        List<BigDecimal> points, int samplesPerPoint, String generator, BigDecimal maxTaskUtilisation,
        long minPeriod, long maxPeriod, long periodGranularity, String arrival, WidthSource widths,
        List<String> methods, List<String> plannedMethods, ExplorerSettings explorer, Smoke smoke, String size,
        String definitionDigest) {

    public static final Set<String> ARRIVALS = Set.of("sporadic", "periodic");
    /** uunifast-discard must keep at least this share of its draws at every point (else: randfixedsum). */
    public static final double MIN_DISCARD_ACCEPTANCE = 1e-3;

    /** Where task widths (parallelism levels) come from. */
    public sealed interface WidthSource {
        /** Uniform in {@code min..max}. */
        record Uniform(int min, int max) implements WidthSource {
        }

        /** A DNN drawn uniformly from {@code tables}, then one of its useful levels (see {@link DnnTables}). */
        record DnnTable(Path file, DnnTables tables) implements WidthSource {
        }
    }

    /** Limits of the exhaustive explorer; every one is deterministic (no time limit decides). */
    public record ExplorerSettings(long maxStates, long memoryMiB, int horizonHyperperiods, long maxHyperperiod) {
        public static final ExplorerSettings DEFAULTS = new ExplorerSettings(2_000_000, 256, 3, 2_000);
    }

    /** The smoke-size override used by the tests. */
    public record Smoke(Optional<List<BigDecimal>> points, int samplesPerPoint) {
    }

    /** The methods that will actually run: {@link #methods} plus the planned ones already registered. */
    public List<String> effectiveMethods() {
        List<String> out = new ArrayList<>(methods);
        for (String p : plannedMethods) {
            if (Methods.known(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The same experiment at smoke size. */
    public Experiment smokeSize() {
        return resized(smoke.points().orElse(points), smoke.samplesPerPoint(), "smoke");
    }

    /** The same experiment with other points and samples per point; {@code size} names it in the CSV. */
    public Experiment resized(List<BigDecimal> newPoints, int samples, String sizeName) {
        Experiment e = new Experiment(name, description, seed, tpus, minTasks, maxTasks, List.copyOf(newPoints),
                samples, generator, maxTaskUtilisation, minPeriod, maxPeriod, periodGranularity, arrival, widths,
                methods, plannedMethods, explorer, smoke, sizeName, "");
        return e.withDigest();
    }

    /** Number of (point, sample) work items. */
    public long workItems() {
        return (long) points.size() * samplesPerPoint;
    }

    private Experiment withDigest() {
        return new Experiment(name, description, seed, tpus, minTasks, maxTasks, points, samplesPerPoint, generator,
                maxTaskUtilisation, minPeriod, maxPeriod, periodGranularity, arrival, widths, methods,
                plannedMethods, explorer, smoke, size, digest(canonical()));
    }

    /** Everything a result depends on, in a fixed order: its digest tells shards of different definitions apart. */
    String canonical() {
        StringBuilder b = new StringBuilder();
        b.append("name=").append(name).append("\nseed=").append(seed).append("\ntpus=").append(tpus)
                .append("\ntasks=").append(minTasks).append("..").append(maxTasks).append("\npoints=");
        for (BigDecimal p : points) {
            b.append(p.toPlainString()).append(' ');
        }
        b.append("\nsamples=").append(samplesPerPoint).append("\ngenerator=").append(generator)
                .append("\ncap=").append(maxTaskUtilisation.toPlainString()).append("\nperiods=").append(minPeriod)
                .append("..").append(maxPeriod).append('/').append(periodGranularity).append("\narrival=")
                .append(arrival).append("\nwidths=");
        if (widths instanceof WidthSource.Uniform u) {
            b.append("uniform ").append(u.min()).append("..").append(u.max());
        } else {
            b.append("dnn-table ").append(((WidthSource.DnnTable) widths).tables().digest());
        }
        b.append("\nmethods=").append(String.join(",", effectiveMethods())).append("\nexplorer=")
                .append(explorer.maxStates()).append(',').append(explorer.memoryMiB()).append(',')
                .append(explorer.horizonHyperperiods()).append(',').append(explorer.maxHyperperiod())
                .append("\nsize=").append(size).append('\n');
        return b.toString();
    }

    static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reading

    private static final Set<String> TOP = Set.of("name", "description", "seed", "tpus", "tasks", "points",
            "samplesPerPoint", "generator", "maxTaskUtilisation", "periods", "arrival", "widths", "methods",
            "plannedMethods", "explorer", "smoke");

    /** Reads and validates {@code file}; relative paths inside it resolve against its directory. */
    public static Experiment load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExperimentException("(file)", "cannot read " + file + ": " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return parse(text, stem, file.toAbsolutePath().normalize().getParent());
    }

    static Experiment parse(String text, String fileStem, Path baseDir) {
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExperimentException("(file)", "not valid JSON: " + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ExperimentException("(file)", "must be a JSON object");
        }
        unknownFields(root, TOP, "");
        String name = string(root, "name", "");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ExperimentException("name", "must be lower-case letters, digits and '-', got '" + name + "'");
        }
        if (!name.equals(fileStem)) {
            throw new ExperimentException("name", "is '" + name + "' but the file is " + fileStem
                    + ".json; they must agree (the CSV is named after the experiment)");
        }
        String description = root.has("description") ? string(root, "description", "") : "";
        long seed = integer(root, "seed", "", Long.MIN_VALUE, Long.MAX_VALUE);
        int tpus = (int) integer(root, "tpus", "", 1, 16);
        JsonNode tasks = object(root, "tasks", "");
        unknownFields(tasks, Set.of("min", "max"), "tasks.");
        int minTasks = (int) integer(tasks, "min", "tasks.", 1, 64);
        int maxTasks = (int) integer(tasks, "max", "tasks.", minTasks, 64);
        List<BigDecimal> points = points(root, "points", "");
        int samples = (int) integer(root, "samplesPerPoint", "", 1, 1_000_000);
        String generator = string(root, "generator", "");
        if (UtilisationGenerator.byId(generator).isEmpty()) {
            throw new ExperimentException("generator", "unknown generator '" + generator + "'; known: "
                    + UtilisationGenerator.ids());
        }
        BigDecimal cap = decimal(root, "maxTaskUtilisation", "");
        if (cap.signum() <= 0 || cap.compareTo(BigDecimal.ONE) > 0) {
            throw new ExperimentException("maxTaskUtilisation", "must be in (0, 1], got " + cap.toPlainString());
        }
        JsonNode periods = object(root, "periods", "");
        unknownFields(periods, Set.of("min", "max", "granularity"), "periods.");
        long granularity = periods.has("granularity") ? integer(periods, "granularity", "periods.", 1, 1L << 40) : 1;
        long minPeriod = integer(periods, "min", "periods.", 1, 1L << 40);
        long maxPeriod = integer(periods, "max", "periods.", minPeriod, 1L << 40);
        if (minPeriod % granularity != 0) {
            throw new ExperimentException("periods.min", "must be a multiple of periods.granularity " + granularity);
        }
        if (maxPeriod % granularity != 0) {
            throw new ExperimentException("periods.max", "must be a multiple of periods.granularity " + granularity);
        }
        String arrival = string(root, "arrival", "");
        if (!ARRIVALS.contains(arrival)) {
            throw new ExperimentException("arrival", "must be one of " + new TreeSet<>(ARRIVALS) + ", got '"
                    + arrival + "'");
        }
        WidthSource widths = widths(object(root, "widths", ""), tpus, baseDir);
        List<String> methods = strings(root, "methods", "", false);
        if (methods.isEmpty()) {
            throw new ExperimentException("methods", "names no method; known: " + Methods.ids());
        }
        for (String m : methods) {
            if (!Methods.known(m)) {
                throw new ExperimentException("methods", "unknown method '" + m + "'; known: " + Methods.ids());
            }
        }
        List<String> planned = root.has("plannedMethods") ? strings(root, "plannedMethods", "", true) : List.of();
        ExplorerSettings explorer = ExplorerSettings.DEFAULTS;
        if (root.has("explorer")) {
            JsonNode x = object(root, "explorer", "");
            unknownFields(x, Set.of("maxStates", "memoryMiB", "horizonHyperperiods", "maxHyperperiod"), "explorer.");
            ExplorerSettings d = ExplorerSettings.DEFAULTS;
            explorer = new ExplorerSettings(
                    x.has("maxStates") ? integer(x, "maxStates", "explorer.", 1, Integer.MAX_VALUE - 8L) : d.maxStates(),
                    x.has("memoryMiB") ? integer(x, "memoryMiB", "explorer.", 1, 1L << 20) : d.memoryMiB(),
                    x.has("horizonHyperperiods") ? (int) integer(x, "horizonHyperperiods", "explorer.", 2, 1000)
                            : d.horizonHyperperiods(),
                    x.has("maxHyperperiod") ? integer(x, "maxHyperperiod", "explorer.", 1, 30_000)
                            : d.maxHyperperiod());
        }
        JsonNode smokeNode = object(root, "smoke", "");
        unknownFields(smokeNode, Set.of("points", "samplesPerPoint"), "smoke.");
        Optional<List<BigDecimal>> smokePoints = smokeNode.has("points")
                ? Optional.of(points(smokeNode, "points", "smoke.")) : Optional.empty();
        int smokeSamples = (int) integer(smokeNode, "samplesPerPoint", "smoke.", 1, 1_000_000);
        Smoke smoke = new Smoke(smokePoints, smokeSamples);
        // Every target must be reachable: n tasks of at most `cap` TPU-time each.
        BigDecimal reachable = cap.multiply(BigDecimal.valueOf(minTasks));
        List<BigDecimal> all = new ArrayList<>(points);
        smokePoints.ifPresent(all::addAll);
        for (BigDecimal p : all) {
            if (p.multiply(BigDecimal.valueOf(tpus)).compareTo(reachable) > 0) {
                throw new ExperimentException("points", "point " + p.toPlainString() + " needs a TPU-time load of "
                        + p.multiply(BigDecimal.valueOf(tpus)).toPlainString() + ", more than tasks.min * "
                        + "maxTaskUtilisation = " + reachable.toPlainString());
            }
        }
        if (generator.equals(UUniFastDiscard.ID)) {
            for (BigDecimal p : all) {
                for (int n = minTasks; n <= maxTasks; n++) {
                    double accept = UUniFastDiscard.acceptanceProbability(n, p.multiply(BigDecimal.valueOf(tpus)), cap);
                    if (accept < MIN_DISCARD_ACCEPTANCE) {
                        throw new ExperimentException("generator", "uunifast-discard would keep only " + String.format(
                                java.util.Locale.ROOT, "%.2g", accept) + " of its draws for " + n + " tasks at point "
                                + p.toPlainString() + " (load " + p.multiply(BigDecimal.valueOf(tpus)).toPlainString()
                                + ", cap " + cap.toPlainString() + "); use randfixedsum, more tasks or lower points");
                    }
                }
            }
        }
        return new Experiment(name, description, seed, tpus, minTasks, maxTasks, points, samples, generator, cap,
                minPeriod, maxPeriod, granularity, arrival, widths, methods, planned, explorer, smoke, "full", "")
                .withDigest();
    }

    private static WidthSource widths(JsonNode node, int tpus, Path baseDir) {
        String source = string(node, "source", "widths.");
        if (source.equals("uniform")) {
            unknownFields(node, Set.of("source", "min", "max"), "widths.");
            int min = (int) integer(node, "min", "widths.", 1, tpus);
            int max = (int) integer(node, "max", "widths.", min, tpus);
            return new WidthSource.Uniform(min, max);
        }
        if (source.equals("dnn-table")) {
            unknownFields(node, Set.of("source", "file"), "widths.");
            String f = string(node, "file", "widths.");
            Path file = baseDir == null ? Path.of(f) : baseDir.resolve(f).normalize();
            DnnTables tables;
            try {
                tables = DnnTables.load(file, tpus);
            } catch (IllegalArgumentException e) {
                throw new ExperimentException("widths.file", e.getMessage());
            }
            return new WidthSource.DnnTable(file, tables);
        }
        throw new ExperimentException("widths.source", "must be 'uniform' or 'dnn-table', got '" + source + "'");
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new ExperimentException(prefix + f, "unknown field; allowed here: " + new TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ExperimentException(prefix + field, "is missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String field, String prefix) {
        JsonNode v = required(node, field, prefix);
        if (!v.isObject()) {
            throw new ExperimentException(prefix + field, "must be an object");
        }
        return v;
    }

    private static String string(JsonNode node, String field, String prefix) {
        JsonNode v = required(node, field, prefix);
        if (!v.isTextual()) {
            throw new ExperimentException(prefix + field, "must be a string, got " + v);
        }
        return v.asText();
    }

    private static long integer(JsonNode node, String field, String prefix, long min, long max) {
        JsonNode v = required(node, field, prefix);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ExperimentException(prefix + field, "must be an integer, got " + v);
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw new ExperimentException(prefix + field, "must be in [" + min + ", " + max + "], got " + x);
        }
        return x;
    }

    private static BigDecimal decimal(JsonNode node, String field, String prefix) {
        JsonNode v = required(node, field, prefix);
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw new ExperimentException(prefix + field, "must be a decimal number, got " + v);
            }
        }
        if (!v.isNumber()) {
            throw new ExperimentException(prefix + field, "must be a decimal number, got " + v);
        }
        return v.decimalValue();
    }

    private static List<BigDecimal> points(JsonNode node, String field, String prefix) {
        JsonNode v = required(node, field, prefix);
        if (!v.isArray() || v.isEmpty()) {
            throw new ExperimentException(prefix + field, "must be a non-empty array of utilisations");
        }
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            BigDecimal p;
            if (e.isNumber()) {
                p = e.decimalValue();
            } else {
                throw new ExperimentException(prefix + field, "element " + i + " must be a number, got " + e);
            }
            if (p.signum() <= 0 || p.compareTo(BigDecimal.ONE) > 0) {
                throw new ExperimentException(prefix + field, "element " + i + " must be in (0, 1], got "
                        + p.toPlainString());
            }
            if (!out.isEmpty() && p.compareTo(out.get(out.size() - 1)) <= 0) {
                throw new ExperimentException(prefix + field, "must be strictly ascending, but " + p.toPlainString()
                        + " follows " + out.get(out.size() - 1).toPlainString());
            }
            out.add(p.stripTrailingZeros().scale() < 0 ? p.setScale(0) : p.stripTrailingZeros());
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode node, String field, String prefix, boolean allowEmpty) {
        JsonNode v = required(node, field, prefix);
        if (!v.isArray() || (!allowEmpty && v.isEmpty())) {
            throw new ExperimentException(prefix + field, "must be a non-empty array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new ExperimentException(prefix + field, "must hold strings, got " + e);
            }
            if (out.contains(e.asText())) {
                throw new ExperimentException(prefix + field, "names '" + e.asText() + "' twice");
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }
}
