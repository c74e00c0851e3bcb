package io.gangproof.model;

import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Breadth-first, explicit-state search of a {@link TransitionModel}. Every encoding starts
 * with its instant and a step always advances the instant by one, so the states of one
 * instant are one BFS level and can never equal a state of another level: the visited set
 * only ever needs the level being expanded and the next one. What stays for the whole search
 * is, per state, its parent and the ordinal of its answer sequence in the parent's step
 * (8 bytes), enough to replay any path from the initial state.
 *
 * <p>Breadth first means a violation is found at the earliest instant at which any behaviour
 * violates the property, with a shortest trace.
 */
final class Search {
    /**
     * The three limits that end a search in UNKNOWN; {@code memoryNote} is said after the memory
     * limit when it is reached (why it is lower than asked for), or empty.
     */
    record Limits(long maxStates, long timeLimitMillis, long memoryBytes, String memoryNote) {
        Limits(long maxStates, long timeLimitMillis, long memoryBytes) {
            this(maxStates, timeLimitMillis, memoryBytes, "");
        }
    }

    /** Where a violation was seen: the step with answer sequence {@code ordinal} from state {@code parent}. */
    record Found(int parent, int ordinal, long instant, long time, String message) {
    }

    /**
     * When to look for repetition (docs/semantics.md §13): from instant {@code from} on, the
     * model's step is invariant under a shift of all times by {@code period}, and the
     * encoding holds no absolute time but the instant.
     */
    record Periodicity(int period, int from) {
    }

    /** The states reachable at {@code to} are those at {@code to - period}, shifted. */
    record Repetition(int period, int to) {
    }

    /** Ring of recent levels kept for the repetition check, at most this many bytes. */
    static final long REPETITION_MEMORY = 64L << 20;

    /** What a search established. {@code expandedUpTo}: every state of instants up to it was expanded. */
    record Outcome(long states, long transitions, Optional<String> limitHit, Optional<Repetition> repetition,
            long expandedUpTo, Found[] violations,
            long peakBytes, long payloadBytes, long storeBytes, double seconds, double cpuSeconds) {
        /**
         * Bytes per stored state: the level stores' arrays (encodings, offsets, hashes, table,
         * as allocated) summed over all levels, plus the 8 bytes of parent and ordinal.
         */
        double bytesPerState() {
            return states == 0 ? 0 : (double) storeBytes / states + 8;
        }
    }

    private final TransitionModel model;
    private final Limits limits;
    private final Consumer<ExplorationProgress> progress;
    private final int watchedTask;
    private final long progressIntervalNanos;
    private Optional<Periodicity> periodicity = Optional.empty();
    private final ChoiceEnumerator choices = new ChoiceEnumerator();
    private int[] parent = new int[1 << 12];
    private int[] ordinal = new int[1 << 12];
    private int states;
    private int currentGid;
    private int currentOrdinal;
    private long maxResponse = -1;
    private int witnessParent = -1;
    private int witnessOrdinal = -1;

    /** {@code watchedTask >= 0}: also track the largest response time of that task's jobs. */
    Search(TransitionModel model, Limits limits, Consumer<ExplorationProgress> progress, int watchedTask) {
        this(model, limits, progress, watchedTask, 1_000_000_000L);
    }

    /** {@code progressIntervalNanos}: the least time between two progress reports. */
    Search(TransitionModel model, Limits limits, Consumer<ExplorationProgress> progress, int watchedTask,
            long progressIntervalNanos) {
        this.progressIntervalNanos = progressIntervalNanos;
        this.model = model;
        this.limits = limits;
        this.progress = progress;
        this.watchedTask = watchedTask;
    }

    /** Enables the repetition check; the caller vouches for the conditions of {@link Periodicity}. */
    Search withPeriodicity(Periodicity p) {
        periodicity = Optional.of(p);
        return this;
    }

    long maxResponse() {
        return maxResponse;
    }

    Optional<Found> responseWitness() {
        return witnessParent < 0 ? Optional.empty() : Optional.of(new Found(witnessParent, witnessOrdinal, -1, -1, ""));
    }

    /** Watches finishing jobs of the watched task; remembers the first step reaching a new maximum. */
    private final class ResponseWatch implements StepObserver {
        @Override
        public void onArrival(int task, int arrival, int release) {
        }

        @Override
        public void onAcquire(int task, int arrival, int tpu, int time) {
        }

        @Override
        public void onStart(int task, int arrival, int start, int execTime, long tpus, boolean reloads) {
        }

        @Override
        public void onFinish(int task, int arrival, int finish) {
            if (task == watchedTask && finish - arrival > maxResponse) {
                maxResponse = finish - arrival;
                witnessParent = currentGid;
                witnessOrdinal = currentOrdinal;
            }
        }
    }

    Outcome run() {
        long started = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        long deadline = limits.timeLimitMillis() >= Long.MAX_VALUE / 2_000_000L ? Long.MAX_VALUE
                : started + limits.timeLimitMillis() * 1_000_000L;
        StepObserver observer = watchedTask >= 0 ? new ResponseWatch() : StepObserver.NONE;
        int propertyCount = model.propertyCount();
        long pending = propertyCount == 63 ? Long.MAX_VALUE : (1L << propertyCount) - 1;
        Found[] found = new Found[propertyCount];
        int[] buffer = new int[model.maxEncodedLength()];
        int[] state = new int[model.maxEncodedLength()];

        model.reset();
        StateStore current = new StateStore();
        current.addIfAbsent(buffer, model.encode(buffer));
        addState(-1, -1);
        int levelBase = 0;
        int horizon = model.horizon();
        long transitions = 0;
        long payload = current.payloadBytes();
        long peak = current.bytes();
        long storeBytes = current.bytes();
        long lastReport = started;
        int time = -1;
        Optional<String> limitHit = Optional.empty();
        Optional<Repetition> repetition = Optional.empty();
        java.util.ArrayDeque<StateStore> ring = new java.util.ArrayDeque<>();
        long ringBytes = 0;
        boolean watchRepetition = periodicity.isPresent();
        levels:
        while (time < horizon && current.size() > 0) {
            if (watchRepetition && time >= periodicity.get().from()) {
                // `current` holds the states at `time`; the ring those at the previous instants
                int period = periodicity.get().period();
                if (ring.size() == period) {
                    StateStore earlier = ring.removeFirst();
                    ringBytes -= earlier.bytes();
                    if (sameShifted(earlier, time - period, current)) {
                        repetition = Optional.of(new Repetition(period, time));
                        break;
                    }
                }
                ring.addLast(current);
                ringBytes += current.bytes();
                if (ringBytes > REPETITION_MEMORY) {
                    watchRepetition = false;
                    ring.clear();
                }
            }
            StateStore next = new StateStore(current.size(), current.payloadBytes());
            int nextBase = levelBase + current.size();
            for (int s = 0; s < current.size(); s++) {
                currentGid = levelBase + s;
                choices.reset();
                currentOrdinal = 0;
                int stateLength = current.read(s, state);
                do {
                    model.decode(state, 0, stateLength);
                    choices.startRun();
                    long violated = model.step(choices, observer) & pending;
                    if (violated != 0L) {
                        for (int p = 0; p < propertyCount; p++) {
                            if ((violated >>> p & 1L) != 0L) {
                                found[p] = new Found(currentGid, currentOrdinal, model.time(), model.violationTime(p),
                                        model.violationMessage(p));
                            }
                        }
                        pending &= ~violated;
                    }
                    int length = model.encode(buffer);
                    // One state may have very many successors (every task of unknown offset may arrive
                    // or wait), so memory is checked before each allocation, not only between states:
                    // what a store would allocate, with the arrays it copies still alive.
                    long growth = next.growthBytes(length) + (states == parent.length ? 16L * parent.length : 0);
                    if (growth > 0) {
                        long bytes = current.bytes() + next.bytes() + 8L * parent.length + ringBytes;
                        peak = Math.max(peak, bytes);
                        if (bytes + growth > limits.memoryBytes()) {
                            limitHit = Optional.of(memoryLimit());
                            payload += next.payloadBytes();
                            storeBytes += next.bytes();
                            break levels;
                        }
                    }
                    if (next.addIfAbsent(buffer, length) >= 0) {
                        addState(currentGid, currentOrdinal);
                    }
                    transitions++;
                    currentOrdinal++;
                    if ((transitions & 4095) == 0) {
                        limitHit = timeOrStateLimit(deadline);
                        if (limitHit.isPresent()) {
                            payload += next.payloadBytes();
                            storeBytes += next.bytes();
                            break levels;
                        }
                    }
                } while (choices.advance());
                if (pending == 0L && propertyCount > 0 && watchedTask < 0) {
                    // every property is violated: nothing left to learn
                    payload += next.payloadBytes();
                    storeBytes += next.bytes();
                    time = horizon;
                    break levels;
                }
                if ((s & 255) == 0) {
                    long now = System.nanoTime();
                    long bytes = current.bytes() + next.bytes() + 8L * parent.length + ringBytes;
                    peak = Math.max(peak, bytes);
                    limitHit = timeOrStateLimit(deadline);
                    if (limitHit.isEmpty() && bytes > limits.memoryBytes()) {
                        limitHit = Optional.of(memoryLimit());
                    }
                    if (limitHit.isPresent()) {
                        payload += next.payloadBytes();
                        storeBytes += next.bytes();
                        break levels;
                    }
                    if (now - lastReport >= progressIntervalNanos) {
                        lastReport = now;
                        progress.accept(new ExplorationProgress(states, time + 1, horizon, (now - started) / 1_000_000L,
                                bytes));
                    }
                }
            }
            peak = Math.max(peak, current.bytes() + next.bytes() + 8L * parent.length);
            payload += next.payloadBytes();
            storeBytes += next.bytes();
            current = next;
            levelBase = nextBase;
            time++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU time of this thread: what one core did, whatever else shares the machine
        double cpuSeconds = cpuStarted < 0 ? seconds : (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        long expandedUpTo = limitHit.isPresent() ? time : horizon;
        return new Outcome(states, transitions, limitHit, repetition, expandedUpTo, found, peak, payload, storeBytes,
                seconds, cpuSeconds);
    }

    private Optional<String> timeOrStateLimit(long deadline) {
        if (Thread.currentThread().isInterrupted()) {
            return Optional.of("the search was interrupted");
        }
        if (states >= limits.maxStates()) {
            return Optional.of("the state limit of " + limits.maxStates() + " states was reached");
        }
        if (System.nanoTime() > deadline) {
            return Optional.of("the time limit of " + limits.timeLimitMillis() + " ms was reached");
        }
        return Optional.empty();
    }

    private String memoryLimit() {
        return "the memory limit of " + Units.formatMemory(limits.memoryBytes()) + limits.memoryNote() + " was reached";
    }

    /** Whether {@code later} is {@code earlier} with every state's instant set to {@code laterTime}. */
    static boolean sameShifted(StateStore earlier, int earlierTime, StateStore later) {
        if (earlier.size() != later.size()) {
            return false;
        }
        int[] buffer = new int[later.maxLength()];
        for (int s = 0; s < later.size(); s++) {
            int length = later.read(s, buffer);
            buffer[0] = earlierTime;
            if (!earlier.contains(buffer, length)) {
                return false;
            }
        }
        return true; // equal sizes, no duplicates, one contains the other
    }

    private void addState(int parentGid, int ord) {
        if (states == parent.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * parent.length);
            if (grown == states) {
                throw new IllegalStateException("internal error: more than " + states + " states");
            }
            parent = Arrays.copyOf(parent, grown);
            ordinal = Arrays.copyOf(ordinal, grown);
        }
        parent[states] = parentGid;
        ordinal[states] = ord;
        states++;
    }

    /**
     * Replays the path from the initial state to state {@code gid}, then its step with answer
     * sequence {@code lastOrdinal}, recording every job event.
     */
    List<JobRecord> replay(SystemSpec spec, int gid, int lastOrdinal) {
        List<Integer> ordinals = new ArrayList<>();
        ordinals.add(lastOrdinal);
        for (int g = gid; g > 0; g = parent[g]) {
            ordinals.add(ordinal[g]);
        }
        TraceRecorder recorder = new TraceRecorder(spec);
        int[] buffer = new int[model.maxEncodedLength()];
        model.reset();
        for (int k = ordinals.size() - 1; k >= 0; k--) {
            int length = model.encode(buffer);
            int target = ordinals.get(k);
            ChoiceEnumerator replayChoices = new ChoiceEnumerator();
            replayChoices.reset();
            for (int o = 0;; o++) {
                model.decode(buffer, 0, length);
                replayChoices.startRun();
                if (o == target) {
                    model.step(replayChoices, recorder);
                    break;
                }
                model.step(replayChoices, StepObserver.NONE);
                if (!replayChoices.advance()) {
                    throw new IllegalStateException("internal error: replay lost its path");
                }
            }
        }
        return recorder.records();
    }
}
