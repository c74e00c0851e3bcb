package io.gangproof.scheduler.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes traces and scenarios as the JSON of {@code docs/traces.md}. Written through
 * Jackson's tree model so that field order and names are fixed here, not by reflection: the
 * format is a contract with the other engines and with scripts.
 *
 * <p>Reading a trace is strict, as replay compares every field: every field of {@code
 * docs/traces.md} must be present (only a scenario job's {@code release} and {@code exit} may be
 * left out), nothing may follow the document and no key may repeat. Anything malformed is an
 * {@link IllegalArgumentException} naming the field.
 */
public final class TraceJson {
    public static final String TRACE_FORMAT = "gangproof-trace";
    public static final String SCENARIO_FORMAT = "gangproof-scenario";
    public static final int VERSION = 1;
    /** Strict reading: nothing after the document, no key given twice (either would let a file say two things). */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TraceJson() {
    }

    public static String write(Trace trace) {
        return text(toJson(trace));
    }

    public static void write(Trace trace, Path file) {
        writeFile(file, write(trace));
    }

    public static Trace read(String json) {
        return traceFrom(parse(json));
    }

    public static Trace read(Path file) {
        return read(readFile(file));
    }

    public static String writeScenario(Scenario scenario) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", SCENARIO_FORMAT);
        root.put("version", VERSION);
        root.set("jobs", scenarioJobs(scenario));
        return text(root);
    }

    public static void writeScenario(Scenario scenario, Path file) {
        writeFile(file, writeScenario(scenario));
    }

    /** A scenario document, or the scenario inside a trace document. */
    public static Scenario readScenario(String json) {
        JsonNode root = parse(json);
        if (TRACE_FORMAT.equals(root.path("format").asText())) {
            return scenarioFrom(required(root, "scenario"));
        }
        return scenarioFrom(root);
    }

    public static Scenario readScenario(Path file) {
        return readScenario(readFile(file));
    }

    private static ObjectNode toJson(Trace t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", TRACE_FORMAT);
        root.put("version", VERSION);
        root.put("spec", t.spec());
        root.put("scheduler", t.scheduler());
        root.put("horizon", t.horizon());
        ObjectNode scenario = root.putObject("scenario");
        scenario.set("jobs", scenarioJobs(t.scenario()));
        ArrayNode jobs = root.putArray("jobs");
        for (JobRecord j : t.jobs()) {
            ObjectNode o = jobs.addObject();
            o.put("job", j.id());
            o.put("task", j.task());
            o.put("index", j.index());
            o.put("arrival", j.arrival());
            o.put("release", j.release());
            o.put("deadline", j.deadline());
            o.put("execution", j.executionTime());
            o.put("exit", j.exit());
            putOptional(o, "start", j.start());
            putOptional(o, "finish", j.finish());
            o.put("reload", j.reloadTime());
            ArrayNode tpus = o.putArray("tpus");
            for (Acquisition a : j.acquisitions()) {
                tpus.addObject().put("tpu", a.tpu()).put("at", a.time());
            }
        }
        ArrayNode occ = root.putArray("occupancy");
        for (Occupancy o : t.occupancy()) {
            occ.addObject().put("tpu", o.tpu()).put("job", o.job()).put("from", o.from()).put("to", o.to())
                    .put("executing", o.executing()).put("open", o.open());
        }
        ArrayNode events = root.putArray("events");
        for (TraceEvent e : t.events()) {
            ObjectNode o = events.addObject();
            o.put("time", e.time());
            o.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            strings(o.putArray("jobs"), e.jobs());
            ints(o.putArray("tpus"), e.tpus());
        }
        ArrayNode deadlocks = root.putArray("deadlocks");
        for (Deadlock d : t.deadlocks()) {
            ObjectNode o = deadlocks.addObject();
            o.put("time", d.time());
            strings(o.putArray("jobs"), d.jobs());
            ints(o.putArray("tpus"), d.tpus());
        }
        ArrayNode violations = root.putArray("violations");
        for (Violation v : t.violations()) {
            ObjectNode o = violations.addObject();
            o.set("property", propertyJson(v.property()));
            strings(o.putArray("jobs"), v.jobs());
            o.put("time", v.time());
            o.put("value", v.value());
            o.put("message", v.message());
        }
        return root;
    }

    private static ArrayNode scenarioJobs(Scenario s) {
        ArrayNode jobs = MAPPER.createArrayNode();
        for (ScenarioJob j : s.jobs()) {
            jobs.addObject().put("task", j.task()).put("index", j.index()).put("arrival", j.arrival())
                    .put("release", j.release()).put("execution", j.executionTime()).put("exit", j.exit());
        }
        return jobs;
    }

    /** {@code {"kind": "response", "task": "H", "bound": 5}}; {@code "bound": "analysis"} for an analysis bound. */
    public static ObjectNode propertyJson(Property p) {
        ObjectNode o = MAPPER.createObjectNode();
        Bound bound = null;
        if (p instanceof Property.Deadlines) {
            o.put("kind", "deadlines");
        } else if (p instanceof Property.Response r) {
            o.put("kind", "response");
            bound = r.bound();
        } else if (p instanceof Property.Inversion i) {
            o.put("kind", "inversion");
            bound = i.bound();
        } else if (p instanceof Property.Overtakes ov) {
            o.put("kind", "overtakes");
            bound = ov.bound();
        } else {
            o.put("kind", "deadlock-free");
        }
        if (p.task().isPresent()) {
            o.put("task", p.task().get());
        } else {
            o.putNull("task");
        }
        if (bound instanceof Bound.Value v) {
            o.put("bound", v.value());
        } else if (bound instanceof Bound.FromAnalysis) {
            o.put("bound", "analysis");
        } else {
            o.putNull("bound");
        }
        return o;
    }

    public static Property propertyFrom(JsonNode o) {
        String kind = text(o, "kind");
        JsonNode task = o.path("task");
        if (kind.equals("deadlines")) {
            return new Property.Deadlines(task.isTextual() ? Optional.of(task.asText()) : Optional.empty());
        }
        if (kind.equals("deadlock-free")) {
            return new Property.DeadlockFree();
        }
        String name = text(o, "task");
        JsonNode b = required(o, "bound");
        Bound bound = b.isTextual() && b.asText().equals("analysis") ? new Bound.FromAnalysis() : new Bound.Value(number(o, "bound"));
        switch (kind) {
            case "response":
                return new Property.Response(name, bound);
            case "inversion":
                return new Property.Inversion(name, bound);
            case "overtakes":
                return new Property.Overtakes(name, bound);
            default:
                throw new IllegalArgumentException("unknown property kind '" + kind + "'");
        }
    }

    private static Trace traceFrom(JsonNode root) {
        String format = root.path("format").asText("");
        if (!format.equals(TRACE_FORMAT)) {
            throw new IllegalArgumentException("not a gangproof trace: \"format\" is '" + format + "', expected '" + TRACE_FORMAT + "'");
        }
        checkVersion(root);
        long horizon = number(root, "horizon");
        Scenario scenario = scenarioFrom(required(root, "scenario"));
        List<JobRecord> jobs = new ArrayList<>();
        for (JsonNode o : array(root, "jobs")) {
            List<Acquisition> acq = new ArrayList<>();
            for (JsonNode a : array(o, "tpus")) {
                acq.add(new Acquisition(Math.toIntExact(number(a, "tpu")), number(a, "at")));
            }
            jobs.add(new JobRecord(text(o, "task"), Math.toIntExact(number(o, "index")), number(o, "arrival"),
                    number(o, "release"), number(o, "deadline"), number(o, "execution"), text(o, "exit"),
                    optional(o, "start"), optional(o, "finish"), number(o, "reload"), acq));
        }
        List<Occupancy> occupancy = new ArrayList<>();
        for (JsonNode o : array(root, "occupancy")) {
            occupancy.add(new Occupancy(Math.toIntExact(number(o, "tpu")), text(o, "job"), number(o, "from"),
                    number(o, "to"), bool(o, "executing"), bool(o, "open")));
        }
        List<TraceEvent> events = new ArrayList<>();
        for (JsonNode o : array(root, "events")) {
            String kind = text(o, "kind");
            TraceEvent.Kind k;
            try {
                k = TraceEvent.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown event kind '" + kind + "'", e);
            }
            events.add(new TraceEvent(number(o, "time"), k, stringList(o, "jobs"), intList(o, "tpus")));
        }
        List<Deadlock> deadlocks = new ArrayList<>();
        for (JsonNode o : array(root, "deadlocks")) {
            deadlocks.add(new Deadlock(number(o, "time"), stringList(o, "jobs"), intList(o, "tpus")));
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode o : array(root, "violations")) {
            violations.add(new Violation(propertyFrom(required(o, "property")), stringList(o, "jobs"), number(o, "time"),
                    number(o, "value"), text(o, "message")));
        }
        return new Trace(root.path("spec").asText(""), root.path("scheduler").asText(""), horizon, scenario, jobs,
                occupancy, events, deadlocks, violations);
    }

    private static Scenario scenarioFrom(JsonNode root) {
        if (root.has("format") && !SCENARIO_FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a gangproof scenario: \"format\" is '" + root.path("format").asText() + "'");
        }
        if (root.has("version")) {
            checkVersion(root);
        }
        List<ScenarioJob> jobs = new ArrayList<>();
        for (JsonNode o : array(root, "jobs")) {
            jobs.add(new ScenarioJob(text(o, "task"), Math.toIntExact(number(o, "index")), number(o, "arrival"),
                    o.has("release") ? number(o, "release") : number(o, "arrival"), number(o, "execution"),
                    o.path("exit").asText(io.gangproof.spec.DnnExit.SINGLE)));
        }
        return new Scenario(jobs);
    }

    private static void checkVersion(JsonNode root) {
        long v = number(root, "version");
        if (v != VERSION) {
            throw new IllegalArgumentException("unsupported version " + v + " (this build reads version " + VERSION + ")");
        }
    }

    private static void putOptional(ObjectNode o, String field, OptionalLong v) {
        if (v.isPresent()) {
            o.put(field, v.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    private static OptionalLong optional(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(number(o, field));
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return v;
    }

    private static long number(JsonNode o, String field) {
        JsonNode v = required(o, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an integer, got " + v);
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode o, String field) {
        JsonNode v = required(o, field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = required(o, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string, got " + v);
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode v = required(o, field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an array");
        }
        return v;
    }

    private static List<String> stringList(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(o, field)) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("field \"" + field + "\" must list strings, got " + v);
            }
            out.add(v.asText());
        }
        return out;
    }

    private static List<Integer> intList(JsonNode o, String field) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : array(o, field)) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException("field \"" + field + "\" must list integers, got " + v);
            }
            out.add(v.asInt());
        }
        return out;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void ints(ArrayNode a, List<Integer> values) {
        values.forEach(a::add);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("internal error: cannot write JSON", e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
