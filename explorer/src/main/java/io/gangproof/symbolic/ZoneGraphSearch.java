package io.gangproof.symbolic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breadth-first search of the zone graph with a passed list under inclusion
 * (docs/symbolic.md §5) and extrapolation (§6). It records, per property, the first
 * violating symbolic state found, and the largest response time per task.
 */
final class ZoneGraphSearch {
    /** A stored state with the step that produced it, so that its path can be replayed. */
    static final class Node {
        final SymbolicState state;
        final Node parent;
        final Step step;
        boolean retired;

        Node(SymbolicState state, Node parent, Step step) {
            this.state = state;
            this.parent = parent;
            this.step = step;
        }
    }

    /**
     * A violating state: the path to {@code node}, then {@code last} if not null; then, when
     * {@code clock >= 0}, time passes until the job at {@code pos} has that clock at least
     * {@code atLeast} (0: its age, 1: its phase clock).
     */
    record Witness(Node node, Step last, int pos, int clock, long atLeast) {
    }

    /** More alive jobs than this end the search: their clocks would make every zone operation slow. */
    static final int MAX_JOBS = 16;

    private final SymbolicSpec s;
    private final Transitions t;
    private final SymbolicOptions options;
    final Witness[] witness;
    final long[] maxResponse;
    final boolean[] stopwatch;
    long states;
    long transitions;
    String limit;
    /** The passed list: per discrete part, the stored zones (retired ones are marked); read by the certificate. */
    final Map<SymbolicState.Key, List<Node>> passed = new HashMap<>();
    /** The search stopped because every property already has a violation (docs/symbolic.md §8). */
    boolean allViolated;

    ZoneGraphSearch(SymbolicSpec s, SymbolicOptions options) {
        this.s = s;
        this.t = new Transitions(s);
        this.options = options;
        witness = new Witness[s.props.size()];
        maxResponse = new long[s.tasks];
        java.util.Arrays.fill(maxResponse, -1);
        stopwatch = new boolean[s.tasks];
    }

    Transitions transitions() {
        return t;
    }

    void run() {
        long deadline = System.currentTimeMillis() + options.timeLimitMillis();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Node root = new Node(t.initial(), null, null);
        store(passed, queue, root, extrapolate(root.state));
        long memoryLimit = Runtime.getRuntime().maxMemory() / 10 * 7;
        while (!queue.isEmpty()) {
            if ((transitions & 1023) == 0) {
                if (System.currentTimeMillis() > deadline) {
                    limit = "time limit of " + options.timeLimitMillis() / 1000.0 + " s";
                    return;
                }
                Runtime rt = Runtime.getRuntime();
                if (rt.totalMemory() - rt.freeMemory() > memoryLimit) {
                    System.gc();
                }
                if (rt.totalMemory() - rt.freeMemory() > memoryLimit) {
                    limit = "memory limit (70% of the heap)";
                    return;
                }
            }
            if (states > options.maxStates()) {
                limit = "state limit of " + options.maxStates() + " symbolic states";
                return;
            }
            Node node = queue.poll();
            if (node.retired) {
                continue;
            }
            if (node.state.settled) {
                checkDelayed(node);
                if (everyPropertyViolated()) {
                    allViolated = true;
                    return;
                }
            }
            for (Transitions.Successor succ : t.successors(node.state)) {
                transitions++;
                observe(node, succ);
                if (everyPropertyViolated()) {
                    allViolated = true;
                    return;
                }
                if (succ.state().jobs.length > MAX_JOBS) {
                    limit = "limit of " + MAX_JOBS + " jobs alive at once (jobs that never finish pile up:"
                            + " starvation or deadlock)";
                    return;
                }
                store(passed, queue, new Node(succ.state(), node, succ.step()), extrapolate(succ.state()));
            }
        }
    }

    private boolean everyPropertyViolated() {
        for (Witness w : witness) {
            if (w == null) {
                return false;
            }
        }
        return witness.length > 0;
    }

    private void observe(Node node, Transitions.Successor succ) {
        if (succ.responseTask() >= 0) {
            long r = succ.response() > s.ageBound ? SymbolicOutcome.MORE_THAN_TRACKED : succ.response();
            maxResponse[succ.responseTask()] = Math.max(maxResponse[succ.responseTask()], r);
        }
        for (long w = succ.stopwatchTasks(); w != 0; w &= w - 1) {
            stopwatch[Long.numberOfTrailingZeros(w)] = true;
        }
        for (int k = 0; k < witness.length; k++) {
            SymbolicSpec.Prop p = s.props.get(k);
            if (witness[k] != null) {
                continue;
            }
            if (p.check() == SymbolicSpec.Check.DEADLOCK && succ.deadlock()) {
                witness[k] = new Witness(node, succ.step(), -1, -1, 0);
            } else if (p.check() == SymbolicSpec.Check.OVERTAKES) {
                for (Job j : succ.state().jobs) {
                    if (j.task() == p.task() && j.overtakes() > p.bound()) {
                        witness[k] = new Witness(node, succ.step(), -1, -1, 0);
                        break;
                    }
                }
            }
        }
    }

    /** Deadlines, response times and inversion, checked at every instant time may reach from a settled state. */
    private void checkDelayed(Node node) {
        SymbolicState st = node.state;
        Dbm delayed = null;
        for (int k = 0; k < witness.length; k++) {
            SymbolicSpec.Prop p = s.props.get(k);
            if (witness[k] != null || p.check() == SymbolicSpec.Check.DEADLOCK
                    || p.check() == SymbolicSpec.Check.OVERTAKES) {
                continue;
            }
            for (int q = 0; q < st.jobs.length && witness[k] == null; q++) {
                Job j = st.jobs[q];
                if (p.task() >= 0 && j.task() != p.task()) {
                    continue;
                }
                int clock;
                long bound;
                if (p.check() == SymbolicSpec.Check.DEADLINES) {
                    clock = 0;
                    bound = s.deadline[j.task()] + 1;
                } else if (p.check() == SymbolicSpec.Check.RESPONSE) {
                    clock = 0;
                    bound = p.bound() + 1;
                } else if (j.inverting()) {
                    clock = 1;
                    bound = p.bound() + 1;
                } else {
                    continue;
                }
                if (delayed == null) {
                    delayed = t.delayed(st);
                }
                if (delayed.isEmpty()) {
                    return;
                }
                int x = clock == 0 ? st.age(s.tasks, q) : st.phase(s.tasks, q);
                if (delayed.upper(x) >= bound) {
                    witness[k] = new Witness(node, null, q, clock, bound);
                }
            }
        }
    }

    /** Extra+_LU with the bounds of docs/symbolic.md §6; returns the bounds {lower, upper}. */
    long[][] extrapolate(SymbolicState st) {
        long[][] b = bounds(st);
        st.zone.extrapolate(b[0], b[1]);
        return b;
    }

    /**
     * Per clock the largest constant a guard {@code x >= c} (lower) and a guard or invariant
     * {@code x <= c} (upper) compares it with before its next reset (docs/symbolic.md §6).
     */
    private long[][] bounds(SymbolicState st) {
        Dbm z = st.zone;
        long[] lo = new long[z.dimension()];
        long[] up = new long[z.dimension()];
        java.util.Arrays.fill(lo, Dbm.NONE);
        java.util.Arrays.fill(up, Dbm.NONE);
        lo[0] = 0;
        up[0] = 0;
        lo[SymbolicState.Z] = 1;
        for (int i = 0; i < s.tasks; i++) {
            int c = SymbolicState.taskClock(i);
            if (st.arrived[i]) {
                lo[c] = s.period[i];
                up[c] = s.kind[i] == SymbolicSpec.ArrivalKind.SPORADIC ? Dbm.NONE : s.period[i];
            } else if (s.kind[i] == SymbolicSpec.ArrivalKind.KNOWN_OFFSET) {
                lo[c] = s.offset[i];
                up[c] = s.offset[i];
            } else if (s.kind[i] == SymbolicSpec.ArrivalKind.UNKNOWN_OFFSET) {
                up[c] = s.period[i] - 1;
            }
        }
        for (int q = 0; q < st.jobs.length; q++) {
            Job j = st.jobs[q];
            int age = st.age(s.tasks, q);
            lo[age] = s.ageBound;
            up[age] = s.orderBound(j.task());
            if (j.status() == Job.Status.ARRIVED) {
                up[age] = Math.max(up[age], s.jitter[j.task()]);
            }
            int p = st.phase(s.tasks, q);
            if (j.status() == Job.Status.RUNNING) {
                lo[p] = j.lo();
                up[p] = j.hi();
            } else if (j.inverting()) {
                lo[p] = inversionBound(j.task()) + 1;
            }
        }
        return new long[][] {lo, up};
    }

    private long inversionBound(int task) {
        long b = 0;
        for (SymbolicSpec.Prop p : s.props) {
            if (p.check() == SymbolicSpec.Check.INVERSION && p.task() == task) {
                b = Math.max(b, p.bound());
            }
        }
        return b;
    }

    private void store(Map<SymbolicState.Key, List<Node>> passed, ArrayDeque<Node> queue, Node node, long[][] b) {
        if (node.state.zone.isEmpty()) {
            return;
        }
        List<Node> same = passed.computeIfAbsent(node.state.key(), k -> new ArrayList<>(2));
        for (Node n : same) {
            if (node.state.zone.simulatedBy(n.state.zone, b[0], b[1])) {
                return;
            }
        }
        List<Node> kept = new ArrayList<>(same.size() + 1);
        for (Node n : same) {
            if (n.state.zone.simulatedBy(node.state.zone, b[0], b[1])) {
                n.retired = true;
                states--;
            } else {
                kept.add(n);
            }
        }
        kept.add(node);
        same.clear();
        same.addAll(kept);
        states++;
        queue.add(node);
    }
}
