package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way of deciding properties. An engine answers only what it can establish; empty means
 * "nothing to say", so that the {@link Checker} can ask the next engine. An engine bounded by
 * the time budget honours {@link CheckOptions#deadline()} when one is set: past it, it stops
 * and says what it has.
 */
public interface Engine {
    String name();

    Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options);

    /**
     * The properties still open, answered together; one answer per property, in their order.
     * An engine that searches all properties in one go (the explorer) answers them at once.
     */
    default List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties, CheckOptions options) {
        List<Optional<PropertyResult>> out = new ArrayList<>();
        for (Property p : properties) {
            out.add(check(spec, p, options));
        }
        return out;
    }

    /**
     * The verdicts this engine can give. The checker does not ask an engine that cannot
     * improve on the answer it has: after {@code HOLDS-UP-TO}, only engines that can prove.
     */
    default Set<Verdict> verdicts() {
        return EnumSet.allOf(Verdict.class);
    }

    /**
     * Whether the property's time budget bounds this engine (semantics §8): it is given the
     * deadline, and not asked once nothing is left. An engine bounded by limits of its own
     * (a number of runs, a solver timeout per small query) says false; its time still counts
     * against the budget, but its answer does not depend on the machine's speed.
     */
    default boolean timeBounded() {
        return true;
    }

    /**
     * Whether the engine answers the open properties of a spec together, in one search
     * ({@link #check(SystemSpec, List, CheckOptions)}); the time of that search counts for each.
     * Otherwise the checker asks about one property at a time and counts each call's time.
     */
    default boolean answersTogether() {
        return false;
    }
}
