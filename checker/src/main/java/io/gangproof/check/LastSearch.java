package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last search of an engine that answers a spec's properties together
 * ({@link Engine#answersTogether()}): asked about them one at a time, it searches once, and again
 * only when the spec, the options or the properties change. Not thread-safe; the engines call it
 * from their synchronized {@code check}.
 */
public final class LastSearch<R> {
    private SystemSpec spec;
    private CheckOptions options;
    private List<Property> properties = List.of();
    private R result;

    /** The properties one search for {@code property} covers: all of the spec's when it is one of them. */
    public static List<Property> together(SystemSpec spec, Property property) {
        return spec.properties().contains(property) ? spec.properties() : List.of(property);
    }

    /** The last result when it was for these arguments, otherwise that of {@code search}, kept. */
    public R of(SystemSpec spec, List<Property> properties, CheckOptions options, Supplier<R> search) {
        if (!spec.equals(this.spec) || !options.equals(this.options) || !properties.equals(this.properties)) {
            result = search.get();
            this.spec = spec;
            this.options = options;
            this.properties = List.copyOf(properties);
        }
        return result;
    }
}
