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

    /**
     * The task's pipeline is left to synthesis: under {@code partitioned} placement ({@code pipeline any})
     * a declared or new pipeline disjoint from the others, under {@code pinned} placement
     * ({@code pinned any}) its own list of TPUs, which may overlap those of other tasks. One binding for
     * both, so that every engine that needs concrete TPUs refuses both alike.
     */
    record ChoosePipeline() implements Binding {
    }

    /** {@code pinned} placement: the task's own ordered list of TPUs. */
    record Pinned(List<Integer> tpus) implements Binding {
        public Pinned {
            tpus = List.copyOf(tpus);
        }
    }
}
