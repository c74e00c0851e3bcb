package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.util.Optional;

/**
 * One way of deciding properties. An engine answers only what it can establish; empty means
 * "nothing to say", so that the {@link Checker} can ask the next engine.
 */
public interface Engine {
    String name();

    Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options);
}
