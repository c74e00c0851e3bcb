package io.gangproof.scheduler.search;

/** Told after every run of a simulation search, e.g. to drive a progress bar. */
@FunctionalInterface
public interface SearchProgress {
    SearchProgress NONE = (done, total) -> { };

    void runFinished(int done, int total);
}
