package io.gangproof.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link ModelPlan} as Java source with JavaPoet: one class implementing
 * {@link TransitionModel}, and a {@code main} class for Java PathFinder, whose native state
 * matcher makes every choice a JPF choice generator. The generated code uses only {@code int}/{@code long}
 * fields and arrays and plain loops (no lambdas, streams, records or string building outside
 * violation messages): what runs fast, and what the state matcher's native peer mirrors between
 * JPF's heap and the host JVM field by field. Spec names enter the source only
 * as JavaPoet string literals.
 */
final class ModelGenerator {
    static final String PACKAGE = "io.gangproof.model.generated";
    /** JPF configuration keys the entry point's native peer reads: gangproof's state, time and memory limits. */
    static final String JPF_MAX_STATES = "gangproof.max_states";
    static final String JPF_TIME_LIMIT = "gangproof.time_limit_ms";
    static final String JPF_MAX_MEMORY = "gangproof.max_memory_bytes";
    /** JPF configuration key: record every property's first violation and search on (gangproof's run). */
    static final String JPF_RECORD = "gangproof.record";
    /**
     * JPF configuration keys: the properties to look for (a bit set) and the last instant to
     * search to, so that one compiled model serves every run of an iterative deepening.
     */
    static final String JPF_PROPERTIES = "gangproof.properties";
    static final String JPF_INSTANTS = "gangproof.instants";

    private static final Modifier[] CONST = {Modifier.STATIC, Modifier.FINAL};
    private static final TypeName INTS = ArrayTypeName.of(TypeName.INT);
    private static final TypeName LONGS = ArrayTypeName.of(TypeName.LONG);
    private static final TypeName STRINGS = ArrayTypeName.of(ClassName.get(String.class));
    private static final ClassName CHOICES = ClassName.get(Choices.class);
    private static final ClassName OBSERVER = ClassName.get(StepObserver.class);

    private final ModelPlan plan;
    private final boolean wideMasks;
    /** Two ints per job (times relative to t in 16 bits, mask in 16 bits) when every value fits. */
    private final boolean packed;
    private final int perJob;

    private ModelGenerator(ModelPlan plan, boolean allowPacked) {
        this.plan = plan;
        this.wideMasks = plan.tpuCount() > 32;
        this.packed = allowPacked && fitsPacked(plan);
        boolean counters = plan.hasInversion() || plan.hasOvertakes();
        this.perJob = packed ? 2 + (counters ? 1 : 0)
                : 4 + (wideMasks ? 1 : 0) + (plan.hasInversion() ? 1 : 0) + (plan.hasOvertakes() ? 1 : 0);
    }

    /**
     * The packed encoding stores, per job, its age {@code t - arrival} (at most the horizon),
     * its finish or release relative to {@code t} (at most the longest hold or jitter), its
     * mask and its counters (at most horizon + 2) in 16-bit fields.
     */
    private static boolean fitsPacked(ModelPlan plan) {
        if (plan.horizon() >= (1 << 15) || plan.tpuCount() > 16) {
            return false;
        }
        for (int i = 0; i < plan.taskCount(); i++) {
            long hold = (long) plan.execHigh()[i][plan.execHigh()[i].length - 1] + plan.reload()[i];
            if (hold >= (1 << 16) || plan.jitter()[i] >= (1 << 16)) {
                return false;
            }
        }
        return true;
    }

    /** The generated sources of one model. */
    /**
     * {@code relativeEncoding}: apart from its first int (the instant), an encoding holds no
     * absolute time (true of both encodings; the repetition check relies on it).
     */
    record GeneratedModel(ModelPlan plan, String modelClass, String jpfMainClass, JavaFile model, JavaFile jpfMain,
            boolean relativeEncoding) {
        String qualifiedModelClass() {
            return PACKAGE + "." + modelClass;
        }

        String qualifiedJpfMainClass() {
            return PACKAGE + "." + jpfMainClass;
        }
    }

    static GeneratedModel generate(ModelPlan plan) {
        return generate(plan, true);
    }

    /** {@code allowPacked = false} forces the wide encoding (so that tests cover both). */
    static GeneratedModel generate(ModelPlan plan, boolean allowPacked) {
        return new ModelGenerator(plan, allowPacked).generate();
    }

    private GeneratedModel generate() {
        String base = className(plan.spec().name());
        String model = base + "Model";
        String main = base + "JpfMain";
        TypeSpec type = TypeSpec.classBuilder(model)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(TransitionModel.class)
                .addJavadoc("The system $S as a transition system, generated by gangproof from its spec.\n"
                        + "One step is one instant in the event order of semantics §5.\n", plan.spec().name())
                .addFields(constants())
                .addFields(stateFields())
                .addMethods(List.of(horizon(), time(), reset(), maxEncodedLength(), encode(), decode(), step(),
                        advance(), settle(), arrive(), remove(), dispatch(), begin(), execTime(), lower(),
                        deadlockedJob(), propertyCount(), violationMessage(), violationTime(), record(), timeText()))
                .build();
        return new GeneratedModel(plan, model, main, JavaFile.builder(PACKAGE, type).build(),
                JavaFile.builder(PACKAGE, jpfMain(main, model)).build(), true);
    }

    /** A spec name is an identifier already; capitalise it and drop underscores for a class name. */
    static String className(String specName) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : specName.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else if (Character.isJavaIdentifierPart(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
            b.insert(0, "System");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- constants and state

    private List<FieldSpec> constants() {
        List<FieldSpec> f = new ArrayList<>();
        int n = plan.taskCount();
        f.add(constInt("N", n, "tasks, in the spec's order"));
        f.add(constInt("M", plan.tpuCount(), "TPUs"));
        f.add(constInt("H", plan.horizon(), "the horizon: the last instant explored"));
        f.add(constInt("MAXJ", plan.totalJobCapacity(), "jobs that can be alive at once within the horizon"));
        f.add(constInt("P", plan.properties().size(), "properties checked"));
        long all = plan.tpuCount() == 64 ? -1L : (1L << plan.tpuCount()) - 1;
        f.add(FieldSpec.builder(TypeName.LONG, "ALL", CONST).initializer("$LL", all).build());
        CodeBlock.Builder names = CodeBlock.builder();
        for (int i = 0; i < n; i++) {
            names.add(i == 0 ? "$S" : ", $S", plan.spec().tasks().get(i).name());
        }
        f.add(FieldSpec.builder(STRINGS, "TASK", CONST).initializer("{$L}", names.build()).build());
        CodeBlock.Builder props = CodeBlock.builder();
        for (ModelPlan.ModelledProperty p : plan.properties()) {
            props.add(p.index() == 0 ? "$S" : ", $S", p.description());
        }
        f.add(FieldSpec.builder(STRINGS, "PROPERTY", CONST).initializer("{$L}", props.build()).build());
        f.add(timeTable());
        f.add(constInts("K", plan.level(), "parallelism level"));
        f.add(constInts("PRANK", plan.priorityRank(), "0 = highest priority"));
        f.add(constInts("DL", plan.deadline(), "relative deadline"));
        f.add(constInts("JIT", plan.jitter(), "release jitter"));
        f.add(constInts("DNN", plan.dnnIndex(), "index of the task's DNN"));
        f.add(constInts("RELOAD", plan.reload(), "reload time of the task's DNN"));
        f.add(constInts("ECOUNT", plan.execCount(), "number of distinct execution times"));
        f.add(constInts("INVCAP", plan.inversionCap(), "inversion counter cap (largest bound + 1), 0 = not counted"));
        f.add(constInts("OVTCAP", plan.overtakeCap(), "overtake counter cap (largest bound + 1), 0 = not counted"));
        f.add(FieldSpec.builder(LONGS, "ELIG", CONST).addJavadoc("eligible TPUs (bit set)\n")
                .initializer("{$L}", longs(plan.eligible())).build());
        f.add(constIntss("LOCKS", plan.lockOrder(), "per-TPU protocols: the order in which locks are taken"));
        f.add(constIntss("ELO", plan.execLow(), "execution times: lower ends of disjoint intervals"));
        f.add(constIntss("EHI", plan.execHigh(), "execution times: upper ends of disjoint intervals"));
        return f;
    }

    private static FieldSpec constInt(String name, int value, String doc) {
        return FieldSpec.builder(TypeName.INT, name, CONST).addJavadoc("$L\n", doc).initializer("$L", value).build();
    }

    private static FieldSpec constInts(String name, int[] values, String doc) {
        return FieldSpec.builder(INTS, name, CONST).addJavadoc("$L\n", doc).initializer("{$L}", ints(values)).build();
    }

    private static FieldSpec constIntss(String name, int[][] values, String doc) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (int i = 0; i < values.length; i++) {
            b.add(i == 0 ? "{$L}" : ", {$L}", ints(values[i]));
        }
        return FieldSpec.builder(ArrayTypeName.of(INTS), name, CONST).addJavadoc("$L\n", doc)
                .initializer("{$L}", b.build()).build();
    }

    private static String ints(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.toString();
    }

    private static String longs(long[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]).append('L');
        }
        return b.toString();
    }

    private List<FieldSpec> stateFields() {
        List<FieldSpec> f = new ArrayList<>();
        f.add(FieldSpec.builder(TypeName.INT, "t", Modifier.PRIVATE).addJavadoc("last processed instant\n").build());
        f.add(arrayField(TypeName.INT, "arr", "N",
                "per task: ticks since the last arrival, capped (sporadic: at T; unknown offset: -1 before the first)"));
        f.add(arrayField(TypeName.INT, "last", "M", "per TPU: 1 + index of the DNN it last ran, 0 for none"));
        f.add(FieldSpec.builder(TypeName.INT, "n", Modifier.PRIVATE).addJavadoc("jobs alive, ordered by (arrival, task)\n")
                .build());
        f.add(arrayField(TypeName.INT, "jTask", "MAXJ", "task of each job"));
        f.add(arrayField(TypeName.INT, "jArr", "MAXJ", "arrival"));
        f.add(arrayField(TypeName.INT, "jRel", "MAXJ", "release"));
        f.add(arrayField(TypeName.INT, "jStart", "MAXJ", "start of execution, -1 before"));
        f.add(arrayField(TypeName.INT, "jFin", "MAXJ", "finish, once started"));
        f.add(arrayField(TypeName.LONG, "jMask", "MAXJ", "TPUs held (bit set)"));
        f.add(arrayField(TypeName.INT, "jInv", "MAXJ", "priority-inversion ticks so far, capped"));
        f.add(arrayField(TypeName.INT, "jOvt", "MAXJ", "lower-priority jobs that started while it waited, capped"));
        f.add(FieldSpec.builder(TypeName.LONG, "busy", Modifier.PRIVATE).addJavadoc("TPUs held by some job\n").build());
        f.add(arrayField(TypeName.INT, "order", "MAXJ", "scratch: waiting jobs in pending order"));
        f.add(arrayField(TypeName.LONG, "keys", "MAXJ", "scratch: their pending-order keys"));
        f.add(arrayField(TypeName.INT, "vTask", "P", "violation details (not part of the state)"));
        f.add(arrayField(TypeName.INT, "vArr", "P", "violation details (not part of the state)"));
        f.add(arrayField(TypeName.INT, "vTime", "P", "violation details (not part of the state)"));
        f.add(arrayField(TypeName.INT, "vVal", "P", "violation details (not part of the state)"));
        return f;
    }

    private static FieldSpec arrayField(TypeName element, String name, String size, String doc) {
        return FieldSpec.builder(ArrayTypeName.of(element), name, Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L\n", doc).initializer("new $T[$L]", element, size).build();
    }

    // ---------------------------------------------------------------- the interface

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private MethodSpec horizon() {
        return override("horizon", TypeName.INT).addStatement("return H").build();
    }

    private MethodSpec time() {
        return override("time", TypeName.INT).addStatement("return t").build();
    }

    private MethodSpec propertyCount() {
        return override("propertyCount", TypeName.INT).addStatement("return P").build();
    }

    private MethodSpec reset() {
        MethodSpec.Builder m = override("reset", TypeName.VOID);
        m.addStatement("t = -1").addStatement("n = 0").addStatement("busy = 0L");
        m.beginControlFlow("for (int q = 0; q < M; q++)").addStatement("last[q] = 0").endControlFlow();
        for (int i = 0; i < plan.taskCount(); i++) {
            Arrival a = task(i).arrival();
            if (a instanceof Arrival.Sporadic) {
                m.addComment("$L: sporadic, free to arrive at once", task(i).name());
                m.addStatement("arr[$L] = $L", i, a.period());
            } else if (a instanceof Arrival.PeriodicAnyOffset) {
                m.addComment("$L: unknown offset, no arrival yet", task(i).name());
                m.addStatement("arr[$L] = -1", i);
            }
        }
        return m.build();
    }

    private boolean hasTracker(int i) {
        return !(task(i).arrival() instanceof Arrival.Periodic);
    }

    private Task task(int i) {
        return plan.spec().tasks().get(i);
    }

    private MethodSpec maxEncodedLength() {
        int fixed = 2 + (plan.tracksReload() ? plan.tpuCount() : 0);
        for (int i = 0; i < plan.taskCount(); i++) {
            fixed += hasTracker(i) ? 1 : 0;
        }
        return override("maxEncodedLength", TypeName.INT).addStatement("return $L + MAXJ * $L", fixed, perJob).build();
    }

    private MethodSpec encode() {
        MethodSpec.Builder m = override("encode", TypeName.INT).addParameter(INTS, "b");
        m.addStatement("int x = 0").addStatement("b[x++] = t");
        for (int i = 0; i < plan.taskCount(); i++) {
            if (hasTracker(i)) {
                m.addStatement("b[x++] = arr[$L]", i);
            }
        }
        if (plan.tracksReload()) {
            m.beginControlFlow("for (int q = 0; q < M; q++)").addStatement("b[x++] = last[q]").endControlFlow();
        }
        m.addStatement("b[x++] = n");
        if (packed) {
            encodePacked(m);
            return m.addStatement("return x").build();
        }
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.addComment("Only whether a job started matters from now on, and for a waiting job only whether");
        m.addComment("it is released yet: max(release - t, 0) keeps exactly that (see docs/semantics.md §13).");
        m.addComment("Times are relative to t, which is part of the state.");
        m.beginControlFlow("if (jStart[j] >= 0)");
        m.addStatement("b[x++] = jTask[j] | 0x10000").addStatement("b[x++] = t - jArr[j]")
                .addStatement("b[x++] = jFin[j] - t");
        m.nextControlFlow("else");
        m.addStatement("b[x++] = jTask[j]").addStatement("b[x++] = t - jArr[j]")
                .addStatement("b[x++] = jRel[j] > t ? jRel[j] - t : 0");
        m.endControlFlow();
        m.addStatement("b[x++] = (int) jMask[j]");
        if (wideMasks) {
            m.addStatement("b[x++] = (int) (jMask[j] >>> 32)");
        }
        if (plan.hasInversion()) {
            m.addStatement("b[x++] = jInv[j]");
        }
        if (plan.hasOvertakes()) {
            m.addStatement("b[x++] = jOvt[j]");
        }
        m.endControlFlow();
        m.addStatement("return x");
        return m.build();
    }

    private MethodSpec decode() {
        MethodSpec.Builder m = override("decode", TypeName.VOID).addParameter(INTS, "b").addParameter(TypeName.INT, "off")
                .addParameter(TypeName.INT, "len");
        m.addStatement("int x = off").addStatement("t = b[x++]");
        for (int i = 0; i < plan.taskCount(); i++) {
            if (hasTracker(i)) {
                m.addStatement("arr[$L] = b[x++]", i);
            }
        }
        if (plan.tracksReload()) {
            m.beginControlFlow("for (int q = 0; q < M; q++)").addStatement("last[q] = b[x++]").endControlFlow();
        }
        m.addStatement("n = b[x++]").addStatement("busy = 0L");
        if (packed) {
            decodePacked(m);
            return m.build();
        }
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.addStatement("int w = b[x++]").addStatement("jTask[j] = w & 0xFFFF").addStatement("jArr[j] = t - b[x++]")
                .addStatement("int v = b[x++]");
        m.beginControlFlow("if ((w & 0x10000) != 0)");
        m.addComment("started at some instant up to t; the exact one no longer matters");
        m.addStatement("jStart[j] = t").addStatement("jFin[j] = t + v").addStatement("jRel[j] = jArr[j]");
        m.nextControlFlow("else");
        m.addStatement("jStart[j] = -1").addStatement("jFin[j] = 0").addStatement("jRel[j] = t + v");
        m.endControlFlow();
        m.addStatement("jMask[j] = b[x++] & 0xFFFFFFFFL");
        if (wideMasks) {
            m.addStatement("jMask[j] |= ((long) b[x++]) << 32");
        }
        m.addStatement(plan.hasInversion() ? "jInv[j] = b[x++]" : "jInv[j] = 0");
        m.addStatement(plan.hasOvertakes() ? "jOvt[j] = b[x++]" : "jOvt[j] = 0");
        m.addStatement("busy |= jMask[j]");
        m.endControlFlow();
        return m.build();
    }

    private void encodePacked(MethodSpec.Builder m) {
        boolean counters = plan.hasInversion() || plan.hasOvertakes();
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.addComment("age t - arrival | started | task, then finish - t or max(release - t, 0) | TPUs:");
        m.addComment("a waiting job released by t keeps only that it is (see docs/semantics.md §13)");
        m.beginControlFlow("if (jStart[j] >= 0)");
        m.addStatement("b[x++] = jTask[j] | 0x8000 | (t - jArr[j]) << 16");
        m.addStatement("b[x++] = (jFin[j] - t) | (int) jMask[j] << 16");
        m.nextControlFlow("else");
        m.addStatement("b[x++] = jTask[j] | (t - jArr[j]) << 16");
        m.addStatement("b[x++] = (jRel[j] > t ? jRel[j] - t : 0) | (int) jMask[j] << 16");
        m.endControlFlow();
        if (counters) {
            m.addStatement("b[x++] = jInv[j] | jOvt[j] << 16");
        }
        m.endControlFlow();
    }

    private void decodePacked(MethodSpec.Builder m) {
        boolean counters = plan.hasInversion() || plan.hasOvertakes();
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.addStatement("int w = b[x++]").addStatement("int u = b[x++]");
        m.addStatement("jTask[j] = w & 0x7FFF").addStatement("jArr[j] = t - (w >>> 16)")
                .addStatement("jMask[j] = (u >>> 16) & 0xFFFFL");
        m.beginControlFlow("if ((w & 0x8000) != 0)");
        m.addComment("started at some instant up to t; the exact one no longer matters");
        m.addStatement("jStart[j] = t").addStatement("jFin[j] = t + (u & 0xFFFF)").addStatement("jRel[j] = jArr[j]");
        m.nextControlFlow("else");
        m.addStatement("jStart[j] = -1").addStatement("jFin[j] = 0").addStatement("jRel[j] = t + (u & 0xFFFF)");
        m.endControlFlow();
        if (counters) {
            m.addStatement("int k = b[x++]").addStatement("jInv[j] = k & 0xFFFF").addStatement("jOvt[j] = k >>> 16");
        } else {
            m.addStatement("jInv[j] = 0").addStatement("jOvt[j] = 0");
        }
        m.addStatement("busy |= jMask[j]");
        m.endControlFlow();
    }

    // ---------------------------------------------------------------- one instant

    private MethodSpec step() {
        return override("step", TypeName.LONG).addParameter(CHOICES, "c").addParameter(OBSERVER, "o")
                .addStatement("advance(c, o)").addStatement("return settle()").build();
    }

    /** Finishes, arrivals and the dispatcher: every choice of the instant is made here. */
    private MethodSpec advance() {
        MethodSpec.Builder m = override("advance", TypeName.VOID).addParameter(CHOICES, "c")
                .addParameter(OBSERVER, "o");
        m.addStatement("int now = t + 1").addStatement("t = now");
        m.addComment("(1) jobs finishing now release their TPUs");
        m.addStatement("int j = 0");
        m.beginControlFlow("while (j < n)");
        m.beginControlFlow("if (jStart[j] >= 0 && jFin[j] == now)");
        m.addStatement("o.onFinish(jTask[j], jArr[j], now)").addStatement("busy &= ~jMask[j]").addStatement("remove(j)");
        m.nextControlFlow("else").addStatement("j++").endControlFlow();
        m.endControlFlow();
        m.addComment("arrivals, in task order so that the job list stays ordered by (arrival, task);");
        m.addComment("(2) a job released now is pending from now on (jRel <= now)");
        for (int i = 0; i < plan.taskCount(); i++) {
            arrivalCode(m, i);
        }
        m.addComment("(3) the dispatcher");
        m.addStatement("dispatch(now, c, o)");
        return m.build();
    }

    /**
     * The counters and the property checks of the instant just advanced to: no choice, no
     * observer event, so that JPF can leave it to the host JVM (semantics §13).
     */
    private MethodSpec settle() {
        MethodSpec.Builder m = override("settle", TypeName.LONG);
        m.addStatement("int now = t").addStatement("long viol = 0L").addStatement("int j");
        if (plan.hasInversion() || plan.hasOvertakes()) {
            m.addComment("inversion and overtakes accumulate in [r, min(s, H)) (semantics §9)");
            m.beginControlFlow("if (now < H)");
            m.beginControlFlow("for (int w = 0; w < n; w++)");
            m.addStatement("int i = jTask[w]");
            m.beginControlFlow("if (jStart[w] >= 0 || jRel[w] > now)").addStatement("continue").endControlFlow();
            if (plan.hasInversion()) {
                m.beginControlFlow("if (jInv[w] < INVCAP[i])");
                m.beginControlFlow("for (int l = 0; l < n; l++)");
                m.beginControlFlow("if (jStart[l] >= 0 && (jMask[l] & ELIG[i]) != 0L && lower(l, w))");
                m.addStatement("jInv[w]++").addStatement("break");
                m.endControlFlow().endControlFlow().endControlFlow();
            }
            if (plan.hasOvertakes()) {
                m.beginControlFlow("if (OVTCAP[i] > 0)");
                m.beginControlFlow("for (int l = 0; l < n && jOvt[w] < OVTCAP[i]; l++)");
                m.beginControlFlow("if (jStart[l] == now && (jMask[l] & ELIG[i]) != 0L && lower(l, w))");
                m.addStatement("jOvt[w]++");
                m.endControlFlow().endControlFlow().endControlFlow();
            }
            m.endControlFlow().endControlFlow();
        }
        propertyCode(m);
        m.addStatement("return viol");
        return m.build();
    }

    private void arrivalCode(MethodSpec.Builder m, int i) {
        Arrival a = task(i).arrival();
        String name = task(i).name();
        if (a instanceof Arrival.Periodic p) {
            m.addComment("$L: periodic $L offset $L", name, p.period(), p.offset());
            m.beginControlFlow("if (now >= $L && (now - $L) % $L == 0)", p.offset(), p.offset(), p.period());
            m.addStatement("arrive($L, now, c, o)", i).endControlFlow();
        } else if (a instanceof Arrival.PeriodicAnyOffset p) {
            m.addComment("$L: periodic $L, unknown offset: the first arrival at any instant in [0, $L)", name,
                    p.period(), p.period());
            m.beginControlFlow("if (arr[$L] < 0)", i);
            m.beginControlFlow("if (now == $L || c.choose(2) == 0)", p.period() - 1);
            m.addStatement("arr[$L] = 0", i).addStatement("arrive($L, now, c, o)", i).endControlFlow();
            m.nextControlFlow("else if (++arr[$L] == $L)", i, p.period());
            m.addStatement("arr[$L] = 0", i).addStatement("arrive($L, now, c, o)", i).endControlFlow();
        } else {
            Arrival.Sporadic s = (Arrival.Sporadic) a;
            m.addComment("$L: sporadic $L: once the separation has passed, arrive now or wait", name, s.period());
            m.beginControlFlow("if (arr[$L] + 1 >= $L)", i, s.period());
            m.beginControlFlow("if (c.choose(2) == 0)");
            m.addStatement("arr[$L] = 0", i).addStatement("arrive($L, now, c, o)", i);
            m.nextControlFlow("else").addStatement("arr[$L] = $L", i, s.period()).endControlFlow();
            m.nextControlFlow("else").addStatement("arr[$L]++", i).endControlFlow();
        }
    }

    /**
     * The properties checked after the dispatcher: deadlock freedom on its own, every property
     * of a job in one pass over the jobs (for each property the first job in the list that
     * violates it is the one recorded, as a scan per property would find).
     */
    private void propertyCode(MethodSpec.Builder m) {
        List<ModelPlan.ModelledProperty> perJob = new ArrayList<>();
        for (ModelPlan.ModelledProperty p : plan.properties()) {
            if (!(p.property() instanceof Property.DeadlockFree)) {
                perJob.add(p);
                continue;
            }
            m.addComment("property $L: $L", p.index(), p.description());
            m.addStatement("int d$L = deadlockedJob()", p.index());
            m.beginControlFlow("if (d$L >= 0)", p.index());
            m.addStatement("record($L, d$L, now, 0)", p.index(), p.index());
            m.addStatement("viol |= $LL", 1L << p.index()).endControlFlow();
        }
        if (perJob.isEmpty()) {
            return;
        }
        m.beginControlFlow("for (j = 0; j < n; j++)");
        m.addStatement("int task = jTask[j]").addStatement("int age = now - jArr[j]");
        for (ModelPlan.ModelledProperty p : perJob) {
            Property prop = p.property();
            String bit = (1L << p.index()) + "L";
            String task = p.taskIndex() < 0 ? "" : "task == " + p.taskIndex() + " && ";
            String condition;
            String value;
            if (prop instanceof Property.Deadlines) {
                // unfinished at its deadline a + D (a job finishing at the deadline was removed above)
                condition = "age >= DL[task]";
                value = "age";
            } else if (prop instanceof Property.Response) {
                condition = "age >= " + p.bound();
                value = "age";
            } else if (prop instanceof Property.Inversion) {
                condition = "jInv[j] > " + p.bound();
                value = "jInv[j]";
            } else {
                condition = "jOvt[j] > " + p.bound();
                value = "jOvt[j]";
            }
            // Inversion and overtakes were counted for the tick [now, now + 1), which is certain once the
            // dispatcher is done at now, but it has elapsed only at now + 1: that is the violation instant
            // of semantics §9, where [r, min(s, H)) has accumulated more than the bound.
            String at = prop instanceof Property.Inversion || prop instanceof Property.Overtakes ? "now + 1" : "now";
            m.addComment("property $L: $L", p.index(), p.description());
            // condition and value are built from integers only, never from spec text
            m.beginControlFlow("if ($L(viol & $L) == 0L && $L)", task, bit, condition);
            m.addStatement("record($L, j, $L, $L)", p.index(), at, value);
            m.addStatement("viol |= $L", bit);
            m.endControlFlow();
        }
        m.endControlFlow();
    }

    private MethodSpec arrive() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("arrive").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "i").addParameter(TypeName.INT, "now").addParameter(CHOICES, "c")
                .addParameter(OBSERVER, "o");
        m.addComment("release jitter: any release in [a, a + J]");
        m.addStatement("int r = JIT[i] == 0 ? now : now + c.choose(JIT[i] + 1)");
        m.beginControlFlow("if (n == MAXJ)")
                .addStatement("throw new $T($S)", IllegalStateException.class, "internal error: job capacity exceeded")
                .endControlFlow();
        m.addStatement("jTask[n] = i").addStatement("jArr[n] = now").addStatement("jRel[n] = r")
                .addStatement("jStart[n] = -1").addStatement("jFin[n] = 0").addStatement("jMask[n] = 0L")
                .addStatement("jInv[n] = 0").addStatement("jOvt[n] = 0").addStatement("n++");
        m.addStatement("o.onArrival(i, now, r)");
        return m.build();
    }

    private MethodSpec remove() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("remove").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "j");
        m.beginControlFlow("for (int q = j + 1; q < n; q++)");
        for (String a : List.of("jTask", "jArr", "jRel", "jStart", "jFin", "jMask", "jInv", "jOvt")) {
            m.addStatement("$L[q - 1] = $L[q]", a, a);
        }
        m.endControlFlow().addStatement("n--");
        return m.build();
    }

    private MethodSpec dispatch() {
        Protocol protocol = plan.spec().scheduler().protocol();
        Policy policy = plan.spec().scheduler().policy();
        MethodSpec.Builder m = MethodSpec.methodBuilder("dispatch").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "now").addParameter(CHOICES, "c").addParameter(OBSERVER, "o");
        m.addComment("waiting jobs in the pending order of $L (keys are unique: priorities are distinct", policy.keyword());
        m.addComment("and a task has one arrival per instant)");
        m.addStatement("int w = 0");
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.beginControlFlow("if (jStart[j] < 0 && jRel[j] <= now)");
        m.addStatement("int i = jTask[j]");
        if (policy == Policy.FP) {
            m.addStatement("long key = ((long) PRANK[i] << 32) | jArr[j]");
        } else if (policy == Policy.EDF) {
            m.addStatement("long key = ((long) (jArr[j] + DL[i]) << 16) | PRANK[i]");
        } else {
            m.addStatement("long key = ((long) jArr[j] << 16) | PRANK[i]");
        }
        m.addStatement("int q = w");
        m.beginControlFlow("while (q > 0 && keys[q - 1] > key)");
        m.addStatement("keys[q] = keys[q - 1]").addStatement("order[q] = order[q - 1]").addStatement("q--");
        m.endControlFlow();
        m.addStatement("keys[q] = key").addStatement("order[q] = j").addStatement("w++");
        m.endControlFlow().endControlFlow();
        if (protocol.perTpu()) {
            m.addComment("$L: repeatedly, the first job in pending order whose next TPU is free takes it",
                    protocol.keyword());
            m.addStatement("boolean progress = true");
            m.beginControlFlow("while (progress)");
            m.addStatement("progress = false");
            m.beginControlFlow("for (int q = 0; q < w; q++)");
            m.addStatement("int j = order[q]");
            m.beginControlFlow("if (jStart[j] >= 0)").addStatement("continue").endControlFlow();
            m.addStatement("int i = jTask[j]").addStatement("int held = Long.bitCount(jMask[j])")
                    .addStatement("int tpu = LOCKS[i][held]").addStatement("long bit = 1L << tpu");
            m.beginControlFlow("if ((busy & bit) == 0L)");
            m.addStatement("jMask[j] |= bit").addStatement("busy |= bit").addStatement("o.onAcquire(i, jArr[j], tpu, now)");
            m.beginControlFlow("if (held + 1 == K[i])").addStatement("begin(j, jMask[j], now, c, o)").endControlFlow();
            m.addStatement("progress = true").addStatement("break");
            m.endControlFlow().endControlFlow().endControlFlow();
            return m.build();
        }
        boolean strict = protocol == Protocol.GANG_STRICT;
        m.addComment("$L: all or nothing; $L", protocol.keyword(),
                strict ? "stop at the first job that cannot start" : "skip the jobs that do not fit");
        m.addStatement("long free = ALL & ~busy");
        if (strict && plan.spec().scheduler().placement() == Placement.PARTITIONED) {
            m.addStatement("long blocked = 0L");
        }
        m.beginControlFlow("for (int q = 0; q < w; q++)");
        m.addStatement("int j = order[q]").addStatement("int i = jTask[j]");
        if (plan.spec().scheduler().placement() == Placement.GLOBAL) {
            m.beginControlFlow("if (Long.bitCount(free) < K[i])").addStatement(strict ? "break" : "continue")
                    .endControlFlow();
            m.addComment("global: the lowest-indexed free TPUs");
            m.addStatement("long mask = 0L").addStatement("long f = free");
            m.beginControlFlow("for (int x = 0; x < K[i]; x++)");
            m.addStatement("long low = f & -f").addStatement("mask |= low").addStatement("f &= ~low");
            m.endControlFlow();
        } else if (strict && plan.spec().scheduler().placement() == Placement.PARTITIONED) {
            m.addComment("partitioned: the scan stops per partition, so partitions never interfere (semantics §6)");
            m.addStatement("long mask = ELIG[i]");
            m.beginControlFlow("if ((blocked & mask) != 0L)").addStatement("continue").endControlFlow();
            m.beginControlFlow("if ((free & mask) != mask)").addStatement("blocked |= mask").addStatement("continue")
                    .endControlFlow();
        } else {
            m.addStatement("long mask = ELIG[i]");
            m.beginControlFlow("if ((free & mask) != mask)").addStatement(strict ? "break" : "continue").endControlFlow();
        }
        m.addStatement("begin(j, mask, now, c, o)").addStatement("free &= ~mask");
        m.endControlFlow();
        return m.build();
    }

    private MethodSpec begin() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("begin").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "j").addParameter(TypeName.LONG, "mask").addParameter(TypeName.INT, "now")
                .addParameter(CHOICES, "c").addParameter(OBSERVER, "o");
        m.addStatement("int i = jTask[j]").addStatement("int e = execTime(i, c)").addStatement("boolean reloads = false");
        if (plan.tracksReload()) {
            m.addComment("a job reloads unless every TPU it starts on last ran its own DNN");
            m.beginControlFlow("for (int q = 0; q < M; q++)");
            m.beginControlFlow("if ((mask >>> q & 1L) != 0L)");
            m.beginControlFlow("if (last[q] != DNN[i] + 1)").addStatement("reloads = true").endControlFlow();
            m.addStatement("last[q] = DNN[i] + 1");
            m.endControlFlow().endControlFlow();
        } else {
            m.addComment("no DNN has a reload time, so which DNN a TPU last ran is never observable");
        }
        m.addStatement("jStart[j] = now").addStatement("jFin[j] = now + e + (reloads ? RELOAD[i] : 0)")
                .addStatement("jMask[j] = mask").addStatement("busy |= mask");
        m.addStatement("o.onStart(i, jArr[j], now, e, mask, reloads)");
        return m.build();
    }

    private MethodSpec execTime() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("execTime").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT).addParameter(TypeName.INT, "i").addParameter(CHOICES, "c");
        m.addComment("every integer execution time of every exit, each value once");
        m.addStatement("int x = ECOUNT[i] == 1 ? 0 : c.choose(ECOUNT[i])");
        m.addStatement("int s = 0");
        m.beginControlFlow("while (x > EHI[i][s] - ELO[i][s])");
        m.addStatement("x -= EHI[i][s] - ELO[i][s] + 1").addStatement("s++");
        m.endControlFlow();
        m.addStatement("return ELO[i][s] + x");
        return m.build();
    }

    private MethodSpec lower() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("lower").addModifiers(Modifier.PRIVATE).returns(TypeName.BOOLEAN)
                .addParameter(TypeName.INT, "l").addParameter(TypeName.INT, "j");
        if (plan.spec().scheduler().policy() == Policy.EDF) {
            m.addComment("edf: a later absolute deadline");
            m.addStatement("return jArr[l] + DL[jTask[l]] > jArr[j] + DL[jTask[j]]");
        } else {
            m.addComment("fp, fifo: a lower task priority");
            m.addStatement("return PRANK[jTask[l]] > PRANK[jTask[j]]");
        }
        return m.build();
    }

    private MethodSpec deadlockedJob() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("deadlockedJob").addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT);
        m.addJavadoc("A job on a cycle of jobs each holding a TPU and waiting for one held by the next, or -1.\n");
        m.beginControlFlow("for (int j = 0; j < n; j++)");
        m.beginControlFlow("if (jStart[j] >= 0 || jMask[j] == 0L)").addStatement("continue").endControlFlow();
        m.addStatement("int x = j");
        m.beginControlFlow("for (int steps = 0; steps <= n; steps++)");
        m.addStatement("long want = 1L << LOCKS[jTask[x]][Long.bitCount(jMask[x])]");
        m.addStatement("int h = -1");
        m.beginControlFlow("for (int q = 0; q < n; q++)");
        m.beginControlFlow("if ((jMask[q] & want) != 0L)").addStatement("h = q").addStatement("break").endControlFlow();
        m.endControlFlow();
        m.beginControlFlow("if (h < 0 || jStart[h] >= 0)").addStatement("break").endControlFlow();
        m.beginControlFlow("if (h == j)").addStatement("return j").endControlFlow();
        m.addStatement("x = h");
        m.endControlFlow().endControlFlow();
        m.addStatement("return -1");
        return m.build();
    }

    private MethodSpec record() {
        return MethodSpec.methodBuilder("record").addModifiers(Modifier.PRIVATE).addParameter(TypeName.INT, "p")
                .addParameter(TypeName.INT, "j").addParameter(TypeName.INT, "now").addParameter(TypeName.INT, "value")
                .addStatement("vTask[p] = jTask[j]").addStatement("vArr[p] = jArr[j]").addStatement("vTime[p] = now")
                .addStatement("vVal[p] = value").build();
    }

    private MethodSpec violationTime() {
        return override("violationTime", TypeName.LONG).addParameter(TypeName.INT, "p")
                .addStatement("return vTime[p]").build();
    }

    /** Instants per entry of {@code TIMES}: one string constant each, well below the class file's 65535 bytes. */
    static final int TIMES_PER_CHUNK = 1024;

    /**
     * The instants 0..H+1 as the spec's {@link TimeFormat} writes them, formatted here, at
     * generation time, so that the model's messages (which JPF prints) read like every other
     * report; {@code |}-separated, {@link #TIMES_PER_CHUNK} to a string.
     */
    private FieldSpec timeTable() {
        TimeFormat format = TimeFormat.of(plan.spec());
        CodeBlock.Builder chunks = CodeBlock.builder();
        StringBuilder chunk = new StringBuilder();
        for (long v = 0; v <= plan.horizon() + 1L; v++) {
            if (v % TIMES_PER_CHUNK != 0) {
                chunk.append('|');
            }
            chunk.append(format.format(v));
            if (v % TIMES_PER_CHUNK == TIMES_PER_CHUNK - 1 || v == plan.horizon() + 1L) {
                chunks.add(v < TIMES_PER_CHUNK ? "$S" : ", $S", chunk.toString());
                chunk.setLength(0);
            }
        }
        return FieldSpec.builder(STRINGS, "TIMES", CONST)
                .addJavadoc("instants 0..H+1 in the spec's units, $L to an entry, separated by |\n", TIMES_PER_CHUNK)
                .initializer("{$L}", chunks.build()).build();
    }

    private MethodSpec timeText() {
        return MethodSpec.methodBuilder("time").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class).addParameter(TypeName.INT, "ticks")
                .addJavadoc("An instant or a duration of at most H + 1 ticks, in the spec's units.\n")
                .addStatement("String chunk = TIMES[ticks / $L]", TIMES_PER_CHUNK)
                .addStatement("int from = 0")
                .beginControlFlow("for (int k = ticks % $L; k > 0; k--)", TIMES_PER_CHUNK)
                .addStatement("from = chunk.indexOf('|', from) + 1").endControlFlow()
                .addStatement("int to = chunk.indexOf('|', from)")
                .addStatement("return chunk.substring(from, to < 0 ? chunk.length() : to)").build();
    }

    private MethodSpec violationMessage() {
        MethodSpec.Builder m = override("violationMessage", ClassName.get(String.class)).addParameter(TypeName.INT, "p");
        m.addComment("only on the path of a violation: string building is fine here");
        m.addStatement("String job = \"the job of \" + TASK[vTask[p]] + \" arriving at \" + time(vArr[p])");
        m.beginControlFlow("switch (p)");
        TimeFormat format = TimeFormat.of(plan.spec());
        for (ModelPlan.ModelledProperty p : plan.properties()) {
            Property prop = p.property();
            m.addCode("case $L:\n", p.index()).addCode("$>");
            if (prop instanceof Property.DeadlockFree) {
                m.addStatement("return PROPERTY[p] + \": at \" + time(vTime[p]) + \" \" + job"
                        + " + \" is on a cycle of jobs each holding a TPU and waiting for one held by the next\"");
            } else if (prop instanceof Property.Deadlines) {
                m.addStatement("return PROPERTY[p] + \": \" + job + \" is unfinished at its deadline \" + time(vTime[p])");
            } else if (prop instanceof Property.Response) {
                m.addStatement("return PROPERTY[p] + \": \" + job + \" is unfinished at \" + time(vTime[p])"
                        + " + $S", ", so its response time exceeds " + format.format(p.bound()));
            } else if (prop instanceof Property.Inversion) {
                m.addStatement("return PROPERTY[p] + \": \" + job + \" has waited \" + time(vVal[p])"
                        + " + \" while lower-priority jobs ran on its TPUs (by \" + time(vTime[p]) + \")\"");
            } else {
                m.addStatement("return PROPERTY[p] + \": \" + job + \" was overtaken by \" + vVal[p]"
                        + " + \" lower-priority jobs (by \" + time(vTime[p]) + \")\"");
            }
            m.addCode("$<");
        }
        m.addCode("default:\n$>").addStatement("return \"no property \" + p").addCode("$<");
        m.endControlFlow();
        return m.build();
    }

    // ---------------------------------------------------------------- Java PathFinder

    /** The class whose native methods the entry point calls; its peer is {@link #STATE_MATCHER_PEER}. */
    static final String STATE_MATCHER = "StateMatcher";
    /** The peer's source, a resource beside this class, compiled against jpf.jar by whoever runs JPF. */
    static final String STATE_MATCHER_PEER = "JPF_io_gangproof_model_generated_StateMatcher";

    /** A {@code public static native} method of the state matcher with one parameter. */
    private static MethodSpec peerMethod(String name, TypeName returns, TypeName parameter, String parameterName,
            String javadoc, Object... args) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.NATIVE)
                .returns(returns).addParameter(parameter, parameterName).addJavadoc(javadoc, args).build();
    }

    /**
     * The model side of the state matching: native methods, which JPF hands to the host JVM
     * (MJI), so that matching, counting and recording cost JPF no interpreted bytecode.
     */
    static JavaFile stateMatcher() {
        TypeSpec type = TypeSpec.classBuilder(STATE_MATCHER).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Run by JPF's host JVM ($L, beside it in peer-src/), outside the backtracked state.\n",
                        STATE_MATCHER_PEER)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(peerMethod("start", TypeName.LONG, TypeName.LONG, "properties",
                        "The properties to look for (a bit set): those of {@code properties} that "
                                + "JPF's configuration asks for ($L, all by default).\n", JPF_PROPERTIES))
                .addMethod(MethodSpec.methodBuilder("instants").addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.NATIVE).returns(TypeName.LONG)
                        .addJavadoc("The last instant to search to ($L; the horizon by default).\n", JPF_INSTANTS)
                        .build())
                .addMethod(MethodSpec.methodBuilder("steps").addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.NATIVE).returns(TypeName.LONG).addParameter(Object.class, "model")
                        .addParameter(TypeName.LONG, "end")
                        .addJavadoc("The model's steps up to {@code end}, run by the host JVM, each choice one of JPF's "
                                + "choice generators:\n-2 when the path ends (a state seen before, or {@code end}), "
                                + "-3 when a limit is reached, else the\nproperties just violated (the model holds the "
                                + "successor, not yet visited).\n").build())
                .addMethod(peerMethod("visit", TypeName.INT, TypeName.get(Object.class), "model",
                        "Matches the model's state on its encoding and puts it in canonical form: 0 if it "
                                + "was seen before, 1 if it is new, 2 if a limit is reached.\n"))
                .addMethod(peerMethod("violated", TypeName.BOOLEAN, TypeName.LONG, "properties",
                        "Records the path of choices for the properties first violated now; true when "
                                + "every property looked for is violated.\n"))
                .build();
        return JavaFile.builder(PACKAGE, type).build();
    }

    /**
     * The entry point JPF runs: the same model, its instants run by the host JVM in one native
     * call ({@code StateMatcher.steps}), every choice of {@code n > 1} alternatives a JPF choice
     * generator of {@code 0..n-1} (as {@code Verify.getInt(0, n - 1)} would make it), which JPF
     * searches depth first and backtracks; JPF interprets only this loop. After each step the
     * state is matched on its encoding and put in canonical form, as the explorer does (within
     * {@code steps}, or by {@code StateMatcher.visit}): a state seen before ends its path. JPF's
     * own heap matching is switched off in the {@code .jpf} files; it would match inside steps
     * too, where the choices of an instant are pending, and costs a heap serialisation per choice.
     *
     * <p>A violation is either thrown as an {@link AssertionError} (JPF reports it as a property
     * violation with the path of choices; for one property, run by hand), or, with
     * {@code gangproof.record=true}, recorded with its path by {@code StateMatcher.violated}
     * while the search goes on, so that one run checks every property, as the explorer's one
     * search does, and stops once every property is violated.
     *
     * <p>{@code gangproof.instants} stops every path at that instant instead of the horizon: the
     * search is then exactly the full model's up to that instant (the model, its horizon and
     * its clamped bounds unchanged), so whatever it finds violated is violated at the horizon
     * too (semantics §13, iterative deepening).
     */
    private TypeSpec jpfMain(String mainName, String modelName) {
        ClassName model = ClassName.get(PACKAGE, modelName);
        ClassName verify = ClassName.get("gov.nasa.jpf.vm", "Verify");
        ClassName matcher = ClassName.get(PACKAGE, STATE_MATCHER);
        MethodSpec main = MethodSpec.methodBuilder("main").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(STRINGS, "args")
                .addJavadoc("{@code args}: indices of the properties to check; none means all of them.\n")
                .addStatement("long selected = args.length == 0 ? -1L : 0L")
                .beginControlFlow("for (String a : args)").addStatement("selected |= 1L << Integer.parseInt(a)")
                .endControlFlow()
                .addStatement("boolean record = $S.equals($T.getProperty($S))", "true", verify, JPF_RECORD)
                .addStatement("$T m = new $T()", model, model).addStatement("m.reset()")
                .addStatement("selected = $T.start(selected)", matcher)
                .addStatement("long end = $T.min(m.horizon(), $T.instants())", Math.class, matcher)
                .beginControlFlow("if ($T.visit(m) == 2)", matcher).addStatement("$T.terminateSearch()", verify)
                .addStatement("return").endControlFlow()
                .beginControlFlow("while (true)")
                .addStatement("long v = $T.steps(m, end)", matcher)
                .beginControlFlow("if (v == -2L)").addStatement("return")
                .nextControlFlow("else if (v == -3L)").addStatement("$T.terminateSearch()", verify)
                .addStatement("return")
                .endControlFlow()
                .addStatement("v &= selected")
                .beginControlFlow("if (v != 0L)")
                .beginControlFlow("if (!record)")
                .addStatement("throw new $T(m.violationMessage($T.numberOfTrailingZeros(v)))", AssertionError.class,
                        Long.class)
                .endControlFlow()
                .beginControlFlow("if ($T.violated(v))", matcher).addStatement("$T.terminateSearch()", verify)
                .addStatement("return").endControlFlow()
                .endControlFlow()
                .addStatement("int r = $T.visit(m)", matcher)
                .beginControlFlow("if (r != 1)")
                .beginControlFlow("if (r == 2)").addStatement("$T.terminateSearch()", verify).endControlFlow()
                .addStatement("return").endControlFlow()
                .endControlFlow().build();
        return TypeSpec.classBuilder(mainName).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Runs $L under Java PathFinder; see README.md beside the .jpf files.\n", modelName)
                .addMethod(main).build();
    }
}
