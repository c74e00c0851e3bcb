package io.gangproof.scheduler.svg;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gantt chart speaks the spec's units, names every job and keeps inversion apart from the task colours. */
class GanttSvgUnitsTest {
    /** 100 us ticks; D has two exits, L is lower priority and blocks H (non-preemptive). */
    private static final SystemSpec SPEC = SpecLoader.loadText("g.gang", """
            system gantt_units {
              resolution 100 us
              platform { tpus 1 }
              dnn d { size 1 MB exit early { 1: 0.3 ms } exit full { 1: 1.5 ms } }
              dnn n { size 1 MB latency { 1: 2 ms } }
              task H { runs d periodic 20 ms offset 0.5 ms priority 1 tpus 1 }
              task L { runs n periodic 20 ms priority 2 tpus 1 }
              scheduler global fp with gang-strict
            }
            """, Path.of(".")).orThrow();

    private static Trace trace() {
        return ReferenceScheduler.run(SPEC, new Scenario(List.of(new ScenarioJob("L", 0, 0, 0, 20, "default"),
                new ScenarioJob("H", 0, 5, 5, 3, "early"))), 100);
    }

    @Test
    void titleAxisAndTooltipsAreInTheSpecsUnits() {
        String svg = GanttSvg.render(SPEC, trace());
        assertThat(svg).contains("horizon 10 ms").contains("time in ms")
                .contains("<title>L#0 runs on TPU 0 in [0 ms, 2 ms)</title>")
                .contains("<title>H#0 early runs on TPU 0 in [2 ms, 2.3 ms)</title>")
                .doesNotContain("ticks");
        // Axis labels are milliseconds (1 ms apart here), not tick numbers.
        assertThat(svg).contains(">1</text>").contains(">9</text>").doesNotContain(">90</text>");
    }

    @Test
    void aJobTooShortForItsNameIsLabelledByItsIndexAndNamedInItsTooltip() {
        String svg = GanttSvg.render(SPEC, trace());
        assertThat(svg).contains(">#0<").doesNotContain(">H#0 early<");
    }

    @Test
    void inversionIsShadedInNoTaskColour() {
        String svg = GanttSvg.render(SPEC, trace());
        // H waits in [0.5 ms, 2 ms) while L runs: one translucent black band, never the orange of a task.
        assertThat(svg).contains("fill:rgb(0,0,0);fill-opacity:0.27").contains("grey band = priority inversion")
                .doesNotContain("fill:rgb(255,127,14)");
    }
}
