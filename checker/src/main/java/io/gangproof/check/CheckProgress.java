package io.gangproof.check;

import io.gangproof.spec.SystemSpec;
import java.util.OptionalLong;

/**
 * Told by the {@link Checker} when it asks an engine and when the engine has answered, so that
 * a long run can be shown while it lasts (on a terminal only; the report itself never changes).
 */
public interface CheckProgress {
    CheckProgress NONE = new CheckProgress() {
        @Override
        public void asking(SystemSpec spec, String engine, int properties, OptionalLong deadlineNanos) {
        }

        @Override
        public void answered() {
        }
    };

    /** {@code engine} is asked about {@code properties} properties of {@code spec}, by the deadline if one is set. */
    void asking(SystemSpec spec, String engine, int properties, OptionalLong deadlineNanos);

    /** The engine asked last has answered. */
    void answered();
}
