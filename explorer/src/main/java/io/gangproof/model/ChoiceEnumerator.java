package io.gangproof.model;

import io.gangproof.model.runtime.Choices;
import java.util.Arrays;

/**
 * Enumerates every sequence of answers one step of a model can ask for, depth first, by
 * re-running the step from the same state with the next sequence (what JPF does by
 * backtracking). The step is deterministic given its answers, so a prefix replays exactly.
 */
final class ChoiceEnumerator implements Choices {
    private int[] trail = new int[32];
    private int[] bound = new int[32];
    private int position;
    private int replay;

    /** Before the first run of a step: no answers fixed yet. */
    void reset() {
        replay = 0;
        position = 0;
    }

    /** Before each run of the step. */
    void startRun() {
        position = 0;
    }

    /** After a run: moves to the next answer sequence; false when every sequence has been run. */
    boolean advance() {
        int d = position;
        while (d > 0 && trail[d - 1] + 1 >= bound[d - 1]) {
            d--;
        }
        if (d == 0) {
            return false;
        }
        trail[d - 1]++;
        replay = d;
        return true;
    }

    @Override
    public int choose(int n) {
        if (n <= 1) {
            return 0;
        }
        if (position < replay) {
            return trail[position++];
        }
        if (position == trail.length) {
            trail = Arrays.copyOf(trail, position * 2);
            bound = Arrays.copyOf(bound, position * 2);
        }
        trail[position] = 0;
        bound[position] = n;
        position++;
        return 0;
    }
}
