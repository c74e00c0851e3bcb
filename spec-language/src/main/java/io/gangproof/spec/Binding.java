package io.gangproof.spec;

import java.util.List;

/** Where a task's jobs may run (semantics §4, §6). */
public sealed interface Binding {
    /** {@code global} placement: any {@code k} free TPUs. */
    record AnyTpus() implements Binding {
    }

    /** {@code partitioned} placement on a named pipeline: every job uses all of it. */
    record OnPipeline(String pipeline) implements Binding {
    }

    /** {@code partitioned} placement whose pipeline is left to synthesis. */
    record ChoosePipeline() implements Binding {
    }

    /** {@code pinned} placement: the task's own ordered list of TPUs. */
    record Pinned(List<Integer> tpus) implements Binding {
        public Pinned {
            tpus = List.copyOf(tpus);
        }
    }
}
