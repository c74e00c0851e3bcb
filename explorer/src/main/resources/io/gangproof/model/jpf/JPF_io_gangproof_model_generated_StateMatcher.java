package io.gangproof.model.generated;

import gov.nasa.jpf.Config;
import gov.nasa.jpf.annotation.MJI;
import gov.nasa.jpf.vm.ChoiceGenerator;
import gov.nasa.jpf.vm.ClassInfo;
import gov.nasa.jpf.vm.ElementInfo;
import gov.nasa.jpf.vm.FieldInfo;
import gov.nasa.jpf.vm.IntChoiceGenerator;
import gov.nasa.jpf.vm.MJIEnv;
import gov.nasa.jpf.vm.NativePeer;
import gov.nasa.jpf.vm.choice.IntIntervalGenerator;
import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Native peer of {@code StateMatcher} (copied by gangproof beside the model; compiled against
 * jpf.jar, it runs in the host JVM, outside JPF's interpreter and its backtracked state).
 * Matching states on the model's canonical encoding is bookkeeping that never changes a
 * behaviour, so JPF need not interpret it: the peer mirrors the model object into a host
 * instance of the same model class (field by field, by name), runs its {@code encode}, looks
 * the encoding up in a visited set, runs {@code decode} (the canonical form the explorer also
 * continues from) and writes back into JPF's heap only the values that changed. The same way it
 * runs the model's instants (its {@code advance} and {@code settle}), each choice of more than one
 * alternative a JPF choice generator which JPF searches and backtracks, so that JPF interprets
 * only the entry point's loop. It also keeps
 * the state count, the limits and, for each property, the choices along the first path that
 * violated it. gangproof reads the public static fields after the run, and after a complete run
 * to the horizon asks {@link #repetition} whether the reachable states repeat (semantics §13).
 */
public class JPF_io_gangproof_model_generated_StateMatcher extends NativePeer {
    /** Distinct states seen in the last run. */
    public static long states;
    /** Instants of the last run (all run on the host), and the choice generators JPF was given. */
    public static long onHost;
    public static long choicePoints;
    /** What ended the last run early: 0 nothing, 1 the state limit, 2 the time limit, 3 the memory limit. */
    public static int limitHit;
    /** Property index to the answers of the choice generators along the first path violating it. */
    public static TreeMap<Integer, int[]> violations = new TreeMap<>();

    private static long maxStates;
    private static long maxBytes;
    private static long deadline;
    private static long pending;
    private static long asked;
    private static long instants;
    private static Mirror mirror;
    /** The model object whose state the host instance holds after {@code steps} stopped at a violation, -1 for none. */
    private static int settled;
    private static EncodingSet visited;

    /** Called by JPF when it binds the peer, once per run: a fresh run starts from nothing. */
    public static boolean init(Config conf) {
        states = 0;
        onHost = 0;
        choicePoints = 0;
        limitHit = 0;
        violations = new TreeMap<>();
        maxStates = conf.getLong("gangproof.max_states", Long.MAX_VALUE);
        maxBytes = conf.getLong("gangproof.max_memory_bytes", Long.MAX_VALUE);
        long millis = conf.getLong("gangproof.time_limit_ms", Long.MAX_VALUE);
        deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
        pending = 0;
        asked = conf.getLong("gangproof.properties", -1L);
        instants = conf.getLong("gangproof.instants", Long.MAX_VALUE);
        mirror = null;
        settled = -1;
        visited = new EncodingSet();
        return true;
    }

    /** The properties of {@code properties} the configuration asks for: those looked for in this run. */
    @MJI
    public static long start__J__J(MJIEnv env, int clsRef, long properties) {
        pending = properties & asked;
        return pending;
    }

    /** The last instant to search to (a run of an iterative deepening stops there). */
    @MJI
    public static long instants____J(MJIEnv env, int clsRef) {
        return instants;
    }

    /** What {@link #steps steps} returns when the path ends: a state seen before, or the last instant. */
    private static final long PATH_ENDS = -2L;
    /** What {@link #steps steps} returns when a limit is reached: the search ends. */
    private static final long LIMIT = -3L;

    /**
     * The model's instants from its state on, run by the host instance (the model's {@code
     * advance} then {@code settle}, each successor matched and put in canonical form as {@link
     * #visit visit} does). A choice of {@code n > 1} alternatives becomes a JPF choice generator
     * of {@code 0..n-1}, registered here as JPF's own {@code Verify.getInt} registers it: JPF's
     * model object is left holding the state before the instant, and JPF runs this method again
     * for each alternative, after a backtrack too; the instant is then run afresh on the host
     * from that state, its choices answered by the choice generators of the instant on JPF's path
     * (its {@link InstantChoice}s, in order) up to the next new one. So JPF searches the model's
     * tree of choices, depth first, and every choice it makes is on its path: the model's
     * sequence of choices, as with {@code Verify.getInt} in the model.
     *
     * <p>The run stops after an instant that violates a property looked for and not yet violated
     * (the violated properties, a bit set: JPF's model object holds the successor, which the
     * entry point then records and visits), when the path ends ({@link #PATH_ENDS}: a state seen
     * before, or the instant {@code end} reached) and when a limit is reached ({@link #LIMIT}).
     * JPF's heap is written when the run stops or asks a choice, not at every instant.
     */
    @MJI
    public static long steps__Ljava_lang_Object_2J__J(MJIEnv env, int clsRef, int modelRef, long end) {
        Mirror m = mirror(env, modelRef);
        m.load(env, modelRef);
        settled = -1;
        TransitionModel host = m.host;
        HostChoices choices = m.choices;
        choices.answer(env.getSystemState().getChoiceGenerator(), host.time());
        // the encoding of the state the next instant starts from: where a new choice sends the run back to
        int length = host.encode(m.buffer);
        while (host.time() < end) {
            try {
                host.advance(choices, StepObserver.NONE);
            } catch (HostChoices.Asked asked) {
                host.decode(m.buffer, 0, length);
                m.store(env, modelRef);
                if (!env.getSystemState().setNextChoiceGenerator(new InstantChoice(host.time(), choices.asked))) {
                    throw new IllegalStateException("internal error: JPF refused the choice generator of instant "
                            + host.time());
                }
                choicePoints++;
                env.repeatInvocation();
                return 0L;
            }
            choices.finish();
            long violated = host.settle() & pending;
            onHost++;
            if (violated != 0L) {
                m.store(env, modelRef);
                settled = modelRef;
                return violated;
            }
            length = host.encode(m.buffer);
            int seen = match(m.buffer, length);
            if (seen != 1) {
                return seen == 2 ? LIMIT : PATH_ENDS;
            }
            host.decode(m.buffer, 0, length);
        }
        m.store(env, modelRef);
        return PATH_ENDS;
    }

    /** A choice of the model at {@code instant}, among {@code 0..n-1}. */
    private static final class InstantChoice extends IntIntervalGenerator {
        final long instant;

        InstantChoice(long instant, int n) {
            super("gangproof.choice", 0, n - 1);
            this.instant = instant;
        }
    }

    /**
     * The choices of one instant run on the host: those JPF has made on its path, in order, and
     * then none: the first new choice ({@code n > 1}) is {@link Asked asked} of JPF. A choice of
     * one alternative asks nothing, as with {@code Verify.getInt} in the entry point's choices.
     */
    private static final class HostChoices implements Choices {
        private int[] answers = new int[16];
        private int[] sizes = new int[16];
        private int count;
        private int next;
        /** The alternatives of the choice last asked. */
        int asked;

        /** Thrown when a new choice is asked (one instance: no stack trace, nothing allocated per instant). */
        static final class Asked extends RuntimeException {
            static final Asked INSTANCE = new Asked();

            private Asked() {
                super("a choice", null, false, false);
            }
        }

        /**
         * Answers from the choice generators of {@code instant} at the end of JPF's path (ending
         * with {@code current}), oldest first; none when the path's last choice is of an earlier
         * instant, as when the run starts at an instant.
         */
        void answer(ChoiceGenerator<?> current, long instant) {
            count = 0;
            next = 0;
            for (ChoiceGenerator<?> cg = current; cg instanceof InstantChoice c && c.instant == instant;
                    cg = cg.getPreviousChoiceGenerator()) {
                if (count == answers.length) {
                    answers = Arrays.copyOf(answers, 2 * count);
                    sizes = Arrays.copyOf(sizes, 2 * count);
                }
                answers[count] = c.getNextChoice();
                sizes[count] = c.getTotalNumberOfChoices();
                count++;
            }
            for (int i = 0, j = count - 1; i < j; i++, j--) {
                int a = answers[i];
                answers[i] = answers[j];
                answers[j] = a;
                a = sizes[i];
                sizes[i] = sizes[j];
                sizes[j] = a;
            }
        }

        /** After an instant: its choices were all answered; the next instant starts without answers. */
        void finish() {
            if (next != count) {
                throw new IllegalStateException("internal error: an instant made fewer choices than JPF's path");
            }
            count = 0;
            next = 0;
        }

        @Override
        public int choose(int n) {
            if (n <= 1) {
                return 0;
            }
            if (next < count) {
                if (sizes[next] != n) {
                    throw new IllegalStateException("internal error: a choice among " + n + " replayed as one among "
                            + sizes[next]);
                }
                return answers[next++];
            }
            asked = n;
            throw Asked.INSTANCE;
        }
    }

    /** 0: a state seen before; 1: a new state, now canonical; 2: a limit is reached (the search ends). */
    @MJI
    public static int visit__Ljava_lang_Object_2__I(MJIEnv env, int clsRef, int modelRef) {
        Mirror m = mirror(env, modelRef);
        if (settled != modelRef) {
            m.load(env, modelRef);
        }
        settled = -1;
        int length = m.host.encode(m.buffer);
        int seen = match(m.buffer, length);
        if (seen == 1) {
            m.host.decode(m.buffer, 0, length);
            m.store(env, modelRef);
        }
        return seen;
    }

    /** Adds the encoding {@code b[0..length)} to the visited states: as {@link #visit visit} answers. */
    private static int match(int[] b, int length) {
        boolean fresh = visited.add(b, length);
        if (fresh) {
            states++;
        }
        // the clock also on states seen before: a search can go on long among them
        limitHit = states >= maxStates ? 1 : System.currentTimeMillis() > deadline ? 2
                : visited.bytes() > maxBytes ? 3 : 0;
        return limitHit != 0 ? 2 : fresh ? 1 : 0;
    }

    private static Mirror mirror(MJIEnv env, int modelRef) {
        if (mirror == null) {
            mirror = new Mirror(env, modelRef);
        }
        return mirror;
    }

    /** Records the properties in {@code properties} not violated before; true when none is left. */
    @MJI
    public static boolean violated__J__Z(MJIEnv env, int clsRef, long properties) {
        long fresh = properties & pending;
        if (fresh != 0L) {
            IntChoiceGenerator[] path = env.getVM().getChoiceGeneratorsOfType(IntChoiceGenerator.class);
            int[] answers = new int[path.length];
            for (int i = 0; i < path.length; i++) {
                answers[i] = path[i].getNextChoice();
            }
            for (int p = 0; p < 64; p++) {
                if ((fresh >>> p & 1L) != 0L) {
                    violations.put(p, answers);
                }
            }
            pending &= ~fresh;
        }
        return pending == 0L;
    }

    /**
     * A host instance of the model class, and the pairs of its fields and JPF's. The model's
     * arrays are final fields: the host's are looked up once, and copied element-wise.
     */
    private static final class Mirror {
        final TransitionModel host;
        final List<Field> scalars = new ArrayList<>();
        final List<FieldInfo> scalarInfos = new ArrayList<>();
        final List<Object> arrays = new ArrayList<>();
        final List<FieldInfo> arrayInfos = new ArrayList<>();
        final int[] buffer;
        final HostChoices choices = new HostChoices();

        Mirror(MJIEnv env, int modelRef) {
            ClassInfo ci = env.getClassInfo(modelRef);
            try {
                Class<?> type = Class.forName(ci.getName(), true, Mirror.class.getClassLoader());
                host = (TransitionModel) type.getDeclaredConstructor().newInstance();
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Class<?> t = f.getType();
                    f.setAccessible(true);
                    if (t == int.class || t == long.class) {
                        scalars.add(f);
                        scalarInfos.add(ci.getInstanceField(f.getName()));
                    } else if ((t == int[].class || t == long[].class) && Modifier.isFinal(f.getModifiers())) {
                        arrays.add(f.get(host));
                        arrayInfos.add(ci.getInstanceField(f.getName()));
                    } else {
                        throw new IllegalStateException("internal error: model field " + f + " cannot be mirrored");
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("internal error: cannot mirror the model " + ci.getName(), e);
            }
            buffer = new int[host.maxEncodedLength()];
        }

        /** Copies JPF's model object into the host instance. */
        void load(MJIEnv env, int modelRef) {
            ElementInfo ei = env.getElementInfo(modelRef);
            try {
                for (int k = 0; k < scalars.size(); k++) {
                    Field f = scalars.get(k);
                    if (f.getType() == int.class) {
                        f.setInt(host, ei.getIntField(scalarInfos.get(k)));
                    } else {
                        f.setLong(host, ei.getLongField(scalarInfos.get(k)));
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            for (int k = 0; k < arrays.size(); k++) {
                Object to = arrays.get(k);
                ElementInfo from = env.getElementInfo(ei.getReferenceField(arrayInfos.get(k)));
                if (to instanceof int[] ints) {
                    System.arraycopy(from.asIntArray(), 0, ints, 0, ints.length);
                } else {
                    long[] longs = (long[]) to;
                    System.arraycopy(from.asLongArray(), 0, longs, 0, longs.length);
                }
            }
        }

        /** Writes the fields of the host instance that differ from JPF's model object back into JPF's heap. */
        void store(MJIEnv env, int modelRef) {
            ElementInfo ei = env.getElementInfo(modelRef);
            try {
                for (int k = 0; k < scalars.size(); k++) {
                    Field f = scalars.get(k);
                    FieldInfo fi = scalarInfos.get(k);
                    if (f.getType() == int.class) {
                        int v = f.getInt(host);
                        if (ei.getIntField(fi) != v) {
                            ei = env.getModifiableElementInfo(modelRef);
                            ei.setIntField(fi, v);
                        }
                    } else {
                        long v = f.getLong(host);
                        if (ei.getLongField(fi) != v) {
                            ei = env.getModifiableElementInfo(modelRef);
                            ei.setLongField(fi, v);
                        }
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            for (int k = 0; k < arrays.size(); k++) {
                int ref = ei.getReferenceField(arrayInfos.get(k));
                Object canonical = arrays.get(k);
                ElementInfo a = null;
                if (canonical instanceof int[] ints) {
                    int[] now = env.getElementInfo(ref).asIntArray();
                    for (int i = Arrays.mismatch(now, ints); i >= 0 && i < ints.length; i++) {
                        if (now[i] != ints[i]) {
                            a = a == null ? env.getModifiableElementInfo(ref) : a;
                            a.setIntElement(i, ints[i]);
                        }
                    }
                } else {
                    long[] longs = (long[]) canonical;
                    long[] now = env.getElementInfo(ref).asLongArray();
                    for (int i = Arrays.mismatch(now, longs); i >= 0 && i < longs.length; i++) {
                        if (now[i] != longs[i]) {
                            a = a == null ? env.getModifiableElementInfo(ref) : a;
                            a.setLongElement(i, longs[i]);
                        }
                    }
                }
            }
        }
    }

    /** Encodings, exactly: open addressing over one growing arena of {@code length, ints...}. */
    private static final class EncodingSet {
        private int[] arena = new int[1 << 20];
        private int used;
        private int[] slots = new int[1 << 16];
        private int size;

        EncodingSet() {
            Arrays.fill(slots, -1);
        }

        /** The memory the set holds. */
        long bytes() {
            return 4L * arena.length + 4L * slots.length;
        }

        /** Whether {@code b[0..length)} was absent; adds it. */
        boolean add(int[] b, int length) {
            int h = hash(b, length);
            if (slots[slot(b, length, h)] >= 0) {
                return false;
            }
            if (used + length + 1 > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length + 1));
            }
            int at = used;
            arena[used++] = length;
            System.arraycopy(b, 0, arena, used, length);
            used += length;
            place(at, h);
            if (++size * 2 > slots.length) {
                grow();
            }
            return true;
        }

        /** Whether {@code b[0..length)} is in the set. */
        boolean contains(int[] b, int length) {
            return slots[slot(b, length, hash(b, length))] >= 0;
        }

        /** The number of encodings in the set. */
        int size() {
            return size;
        }

        /**
         * The entries, in the order they were added: from {@code 0} by {@link #next} while below
         * {@link #end}, each {@code length, ints...} at its position in the arena.
         */
        int end() {
            return used;
        }

        int next(int at) {
            return at + 1 + arena[at];
        }

        /** The instant of the entry at {@code at}: int 0 of every encoding. */
        int instant(int at) {
            return arena[at + 1];
        }

        /** Copies the entry at {@code at} into {@code b}; returns its length. */
        int copy(int at, int[] b) {
            System.arraycopy(arena, at + 1, b, 0, arena[at]);
            return arena[at];
        }

        /** The slot holding {@code b[0..length)} (hash {@code h}), or the empty slot where it would go. */
        private int slot(int[] b, int length, int h) {
            int mask = slots.length - 1;
            for (int i = h & mask;; i = (i + 1) & mask) {
                if (slots[i] < 0 || equal(slots[i], b, length)) {
                    return i;
                }
            }
        }

        private boolean equal(int at, int[] b, int length) {
            if (arena[at] != length) {
                return false;
            }
            for (int x = 0; x < length; x++) {
                if (arena[at + 1 + x] != b[x]) {
                    return false;
                }
            }
            return true;
        }

        private void place(int at, int h) {
            int mask = slots.length - 1;
            int i = h & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = at;
        }

        private void grow() {
            int[] old = slots;
            slots = new int[old.length * 2];
            Arrays.fill(slots, -1);
            for (int at : old) {
                if (at >= 0) {
                    place(at, hash(arena, at + 1, arena[at]));
                }
            }
        }

        private static int hash(int[] b, int length) {
            return hash(b, 0, length);
        }

        private static int hash(int[] b, int from, int length) {
            int h = length;
            for (int x = from; x < from + length; x++) {
                h = h * 0x9E3779B1 + b[x];
            }
            return h ^ (h >>> 16);
        }
    }

    /**
     * Item 7 of semantics §13, decided after a complete run to the horizon: the first instant
     * {@code t}, {@code from + period <= t < horizon}, at which the states seen at {@code t} are
     * those seen at {@code t - period} with every instant replaced; -1 when there is none. A run
     * that was not complete (a limit reached, or every property looked for violated, which ends
     * the search) or not to the horizon (a probe of the iterative deepening) does not hold every
     * reachable state of every instant: -1 then, as when the index by instant would take the
     * visited set above the memory limit. Called by gangproof after the run, not by JPF.
     */
    public static long repetition(int period, int from) {
        int horizon = mirror == null ? -1 : mirror.host.horizon();
        if (limitHit != 0 || pending == 0L || instants < horizon || period <= 0 || from < 0
                || from + period >= horizon) {
            return -1L;
        }
        if (visited.bytes() + Levels.bytes(visited, from, horizon) > maxBytes) {
            return -1L;
        }
        Levels levels = new Levels(visited, from, horizon);
        int[] buffer = new int[mirror.host.maxEncodedLength()];
        for (int t = from + period; t < horizon; t++) {
            if (levels.sameShifted(visited, t - period, t, buffer)) {
                return t;
            }
        }
        return -1L;
    }

    /** The visited states of the instants {@code from .. to - 1}, grouped by instant (a counting sort of the arena). */
    private static final class Levels {
        private final int from;
        /** The states of instant {@code from + k} are {@code entries[first[k] .. first[k + 1])}. */
        private final int[] first;
        /** Positions in the visited set's arena. */
        private final int[] entries;

        /** What the index takes, at most: its two arrays and the cursors that fill it. */
        static long bytes(EncodingSet set, int from, int to) {
            return 4L * set.size() + 8L * (to - from + 1);
        }

        Levels(EncodingSet set, int from, int to) {
            this.from = from;
            int span = to - from;
            first = new int[span + 1];
            for (int at = 0; at < set.end(); at = set.next(at)) {
                int t = set.instant(at);
                if (t >= from && t < to) {
                    first[t - from + 1]++;
                }
            }
            for (int k = 0; k < span; k++) {
                first[k + 1] += first[k];
            }
            entries = new int[first[span]];
            int[] cursor = Arrays.copyOf(first, span);
            for (int at = 0; at < set.end(); at = set.next(at)) {
                int t = set.instant(at);
                if (t >= from && t < to) {
                    entries[cursor[t - from]++] = at;
                }
            }
        }

        /**
         * Whether the states of instant {@code later} are those of {@code earlier} with the instant
         * replaced: as many, and each of {@code later}, its instant set to {@code earlier}, in the
         * set (which holds no encoding twice), as the explorer's {@code Search.sameShifted}.
         */
        boolean sameShifted(EncodingSet set, int earlier, int later, int[] buffer) {
            int e = earlier - from;
            int l = later - from;
            if (first[l + 1] - first[l] != first[e + 1] - first[e]) {
                return false;
            }
            for (int k = first[l]; k < first[l + 1]; k++) {
                int length = set.copy(entries[k], buffer);
                buffer[0] = earlier;
                if (!set.contains(buffer, length)) {
                    return false;
                }
            }
            return true;
        }
    }
}
