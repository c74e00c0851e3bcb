package io.gangproof.analysis;

import io.gangproof.spec.Property;

import java.util.Optional;

/**
 * The number an analysis puts behind {@code response(i) <= bound}, {@code inversion(i) <= bound}
 * and {@code overtakes(i) <= bound} (semantics §7: "an analysis-derived bound may be used in place
 * of a number").
 */
public final class PropertyBounds {
    private PropertyBounds() {
    }

    /** The derived bound for the property's quantity, or empty when the analysis has none. */
    public static Optional<Long> derived(AnalysisResult result, Property property) {
        if (property instanceof Property.Response) {
            return result.task(((Property.Response) property).taskName()).flatMap(TaskBound::responseBound);
        }
        if (property instanceof Property.Inversion) {
            return result.task(((Property.Inversion) property).taskName()).flatMap(TaskBound::inversionBound);
        }
        if (property instanceof Property.Overtakes) {
            return result.task(((Property.Overtakes) property).taskName()).flatMap(TaskBound::overtakesBound);
        }
        return Optional.empty();
    }
}
