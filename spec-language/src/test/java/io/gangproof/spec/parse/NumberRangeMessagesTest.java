package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Messages for whole numbers out of range name the bound that is broken. */
class NumberRangeMessagesTest {
    private static String firstError(String priority) {
        String text = "system s {\n  platform { tpus 1 }\n  dnn n { latency { 1: 1 ms } }\n"
                + "  task a { runs n, periodic 2 ms, priority " + priority + " }\n  scheduler global fp\n}\n";
        return SpecLoader.loadText("s.gang", text, Path.of(".")).diagnostics().get(0).message();
    }

    @Test
    void aPriorityTooLargeForAnIntSaysAtMost() {
        // It used to say "must be at least 1, got 3_000_000_000".
        assertThat(firstError("3_000_000_000")).isEqualTo("a priority must be at most 2147483647, got 3_000_000_000");
    }

    @Test
    void aPriorityOfZeroSaysAtLeastOne() {
        assertThat(firstError("0")).isEqualTo("a priority must be at least 1, got 0");
    }

    @Test
    void aPriorityBeyondLongSaysTooLarge() {
        assertThat(firstError("99999999999999999999")).isEqualTo("the number 99999999999999999999 is too large");
    }
}
