/**
 * Models (issue #5): a spec as a generated Java transition system, checked exhaustively by
 * the embedded explorer or emitted for Java PathFinder.
 *
 * <p>Entry points:
 * <ul>
 * <li>{@link io.gangproof.model.Explorer#check(io.gangproof.spec.SystemSpec, io.gangproof.model.ExplorerOptions)}
 * and its overloads: one breadth-first search per call, one {@link io.gangproof.model.ExplorerResult}
 * per property ({@code HoldsUpTo}, {@code Proved} when the reachable states repeat, {@code Violated} with a shortest job-level
 * {@link io.gangproof.model.Counterexample}, or {@code Unknown} naming the limit).</li>
 * <li>{@link io.gangproof.model.Explorer#maxResponseTime(io.gangproof.spec.SystemSpec, String, long)}:
 * the largest response time over every behaviour, with a witness scenario (for the
 * differential test against the reference scheduler).</li>
 * <li>{@link io.gangproof.model.ExplorerEngine}: the explorer as an {@code io.gangproof.check.Engine}.</li>
 * <li>{@link io.gangproof.model.ModelEmitter#emit(io.gangproof.spec.SystemSpec, java.nio.file.Path)}:
 * model sources, {@code .jpf} configurations and a README for JPF;
 * {@link io.gangproof.model.JpfRunner} runs them with a jpf-core build ({@link io.gangproof.model.JpfHome}),
 * {@link io.gangproof.model.JpfCheck} turns JPF's answers into the explorer's results.</li>
 * </ul>
 *
 * <p>Generated models implement {@link io.gangproof.model.runtime.TransitionModel}; every
 * nondeterministic choice goes through {@link io.gangproof.model.runtime.Choices}. What the
 * explorer merges, and why that is sound, is docs/semantics.md §13.
 */
package io.gangproof.model;
