package io.gangproof.model.runtime;

/**
 * Watches the job-level events of one step of a generated model; it can never change what
 * the model does. A job is named by its task index and its arrival instant, which identify
 * it uniquely (a task never has two arrivals at one instant).
 */
public interface StepObserver {
    /** Watches nothing; the exhaustive search uses it where it needs no events. */
    StepObserver NONE = new StepObserver() {
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
        }
    };

    /** A job arrives; its release instant (arrival plus the chosen jitter) is already known. */
    void onArrival(int task, int arrival, int release);

    /** Under a per-TPU protocol, a job takes the lock of one TPU. */
    void onAcquire(int task, int arrival, int tpu, int time);

    /** A job starts executing on {@code tpus} (a bit set) for {@code execTime} ticks, plus its reload if it reloads. */
    void onStart(int task, int arrival, int start, int execTime, long tpus, boolean reloads);

    /** A job finishes and releases its TPUs. */
    void onFinish(int task, int arrival, int finish);
}
