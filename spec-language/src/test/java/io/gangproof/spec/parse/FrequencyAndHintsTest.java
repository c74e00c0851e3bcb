package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods written in Hz (semantics §1) and the hints for three mistakes that misled users. */
class FrequencyAndHintsTest {
    private static String spec(String resolution, String task, String verify) {
        return "system s {\n  resolution " + resolution + "\n  platform { tpus 2 }\n"
                + "  dnn n { latency { 1: 3 ms } }\n  task A { runs n, " + task + ", priority 1, tpus 1 }\n  scheduler global fp with gang-strict\n"
                + "  verify { " + verify + " }\n}\n";
    }

    private static LoadResult load(String text) {
        return SpecLoader.loadText("t.gang", text, Path.of("."));
    }

    private static List<Diagnostic> errors(String text) {
        LoadResult r = load(text);
        assertThat(r).isInstanceOf(LoadResult.Invalid.class);
        return r.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void aFrequencyIsAnExactPeriod() {
        SystemSpec s = load(spec("100 us", "periodic 25 Hz offset 0 ms", "deadlines")).orThrow();
        assertThat(s.tasks().get(0).arrival()).isEqualTo(new Arrival.Periodic(400, 0));
        SystemSpec k = load(spec("1 us", "sporadic 2.5 kHz", "deadlines")).orThrow();
        assertThat(k.tasks().get(0).arrival()).isEqualTo(new Arrival.Sporadic(400));
    }

    @Test
    void aFrequencyWhosePeriodIsNotWholeTicksIsAnErrorNamingTheNearestPeriods() {
        Diagnostic d = errors(spec("10 us", "periodic 30 Hz", "deadlines")).get(0);
        assertThat(d.message()).isEqualTo("the period of 30 Hz is not a whole number of ticks at resolution 10 us");
        assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("33330 us or 33340 us"));
    }

    @Test
    void aFrequencyIsOnlyAPeriod() {
        Diagnostic d = errors(spec("1 ms", "periodic 10 ms, deadline 5 Hz", "deadlines")).get(0);
        assertThat(d.message()).isEqualTo("a frequency is accepted only as a period");
    }

    @Test
    void deadlineForDeadlinesSuggestsDeadlines() {
        Diagnostic d = errors(spec("1 ms", "periodic 10 ms", "deadline(A)")).get(0);
        assertThat(d.hint()).hasValue("did you mean 'deadlines'?");
    }

    @Test
    void aCommaBeforeOffsetSaysWhereTheOffsetBelongs() {
        Diagnostic d = errors(spec("1 ms", "periodic 40 ms, offset 2 ms", "deadlines")).get(0);
        assertThat(d.message()).isEqualTo("unexpected 'offset'");
        assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("write `periodic 40 ms offset 2 ms`")
                .contains("no comma"));
    }
}
