package io.gangproof.symbolic;

/**
 * One alive job in a symbolic state (docs/symbolic.md §1). Its clocks live in the zone;
 * this is the discrete rest. {@code held} is the set of TPUs it holds (per-TPU protocols:
 * the locks taken so far, a prefix of its lock order); {@code lo .. hi} its execution
 * interval including {@code reload} while it runs; {@code tie} whether (under EDF) its
 * absolute deadline equals the previous job's in pending order.
 */
record Job(int task, Status status, long held, long lo, long hi, long reload, boolean inverting, int overtakes,
        boolean tie) {
    enum Status { ARRIVED, WAITING, RUNNING }

    static Job arrived(int task) {
        return new Job(task, Status.ARRIVED, 0, 0, 0, 0, false, 0, false);
    }

    Job withStatus(Status s) {
        return new Job(task, s, held, lo, hi, reload, inverting, overtakes, tie);
    }

    Job withHeld(long h) {
        return new Job(task, status, h, lo, hi, reload, inverting, overtakes, tie);
    }

    Job started(long from, long to, long paid) {
        return new Job(task, Status.RUNNING, held, from, to, paid, false, overtakes, tie);
    }

    Job withInverting(boolean inv) {
        return new Job(task, status, held, lo, hi, reload, inv, overtakes, tie);
    }

    Job withOvertakes(int o) {
        return new Job(task, status, held, lo, hi, reload, inverting, o, tie);
    }

    Job withTie(boolean t) {
        return new Job(task, status, held, lo, hi, reload, inverting, overtakes, t);
    }

    /** The lowest TPU a running job holds: the canonical key of its completion (§4). */
    int lowestTpu() {
        return Long.numberOfTrailingZeros(held);
    }
}
