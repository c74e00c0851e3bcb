package io.gangproof.spec.format;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;

/**
 * A property as a person reads it in a report: {@code response(H) <= 2.4 ms}, times written
 * by {@link TimeFormat}. {@link SpecWriter#describe} stays the property's identifier (JSON
 * {@code property}, snapshots, expectations), which writes times as whole spec literals
 * ({@code 2400 us}); the two agree whenever a bound is a whole number of its unit.
 */
public final class PropertyText {
    private PropertyText() {
    }

    public static String of(SystemSpec spec, Property p) {
        TimeFormat time = TimeFormat.of(spec);
        if (p instanceof Property.Response r) {
            return "response(" + r.taskName() + ") <= " + bound(r.bound(), time);
        }
        if (p instanceof Property.Inversion i) {
            return "inversion(" + i.taskName() + ") <= " + bound(i.bound(), time);
        }
        return SpecWriter.describe(spec, p);
    }

    private static String bound(Bound b, TimeFormat time) {
        return b instanceof Bound.Value v ? time.format(v.value()) : "bound";
    }
}
