package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import java.util.Optional;

/**
 * An engine that answers a spec's open properties in one search ({@link #answersTogether()}):
 * asked about one property of the spec, it searches for all of them ({@link LastSearch#together})
 * and keeps the others' answers.
 */
public interface OneSearchEngine extends Engine {
    @Override
    default boolean answersTogether() {
        return true;
    }

    @Override
    default Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        List<Property> all = LastSearch.together(spec, property);
        return check(spec, all, options).get(all.indexOf(property));
    }

    @Override
    List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties, CheckOptions options);
}
