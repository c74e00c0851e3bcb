package io.gangproof.smt.induction;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A bounded search over the same relation: is a bad state reachable within {@code depth}
 * instants? A hit is a path of the over-approximating relation (arrivals and finishes at any
 * instant), so it shows where an induction cannot close; whether the spec's own timing
 * realises it is for the explorer to say. Used on mutant protocols, which no other engine runs.
 */
final class BoundedSearch {
    private BoundedSearch() {
    }

    /** The first depth at which a bad state is reachable, or empty if none up to {@code maxDepth}. */
    static OptionalInt firstBadDepth(ProtocolModel m, SafetyGoal goal, int maxDepth, Duration timeout) {
        for (int depth = 0; depth <= maxDepth; depth++) {
            TransitionRelation rel = new TransitionRelation(m, goal.target());
            SmtText t = new SmtText();
            t.comment("bounded search: a bad state of " + goal.describe() + " " + depth + " instants after the start");
            State first = rel.state("s0");
            first.declare(t);
            t.assertTerm("the initial state", rel.init(first));
            State s = first;
            for (int j = 0; j < depth; j++) {
                State next = rel.state("s" + (j + 1));
                next.declare(t);
                rel.step(t, s, next, "c" + j);
                s = next;
            }
            t.assertTerm("a bad state", goal.bad(t, m, s));
            if (Z3Obligations.check(t.finish(), timeout).equals("sat")) {
                return OptionalInt.of(depth);
            }
        }
        return OptionalInt.empty();
    }
}
