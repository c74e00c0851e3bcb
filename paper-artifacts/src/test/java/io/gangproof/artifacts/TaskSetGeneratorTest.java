package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Fraction;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Generated sets: deterministic per (seed, point, sample), within the declared ranges, utilisation exact. */
class TaskSetGeneratorTest {
    @Test
    void everyExperimentGeneratesSetsWithinItsRanges() {
        for (var file : TestExperiments.all()) {
            Experiment e = Experiment.load(file);
            TaskSetGenerator g = new TaskSetGenerator(e);
            for (int p = 0; p < e.points().size(); p += 3) {
                for (int s = 0; s < 5; s++) {
                    SystemSpec spec = g.generate(p, s).spec();
                    assertThat(spec.tasks().size()).isBetween(e.minTasks(), e.maxTasks());
                    assertThat(spec.platform().tpus()).isEqualTo(e.tpus());
                    for (Task t : spec.tasks()) {
                        assertThat(t.period()).isBetween(e.minPeriod(), e.maxPeriod());
                        assertThat(t.period() % e.periodGranularity()).isZero();
                        assertThat(t.deadline()).isEqualTo(t.period());
                        assertThat(t.wcet()).isBetween(1L, t.period());
                        assertThat(t.level()).isBetween(1, e.tpus());
                    }
                    assertThat(spec.tasks().stream().map(Task::priority).distinct().count())
                            .isEqualTo(spec.tasks().size());
                }
            }
        }
    }

    @Test
    void theSameIndicesGiveTheSameSetAndOtherIndicesOtherSets() {
        Experiment e = Experiment.load(TestExperiments.file("acceptance-global"));
        TaskSetGenerator a = new TaskSetGenerator(e);
        TaskSetGenerator b = new TaskSetGenerator(e);
        assertThat(a.generate(3, 7)).isEqualTo(b.generate(3, 7));
        assertThat(a.generate(3, 7).spec().tasks()).isNotEqualTo(a.generate(3, 8).spec().tasks());
        assertThat(a.generate(3, 7).spec().tasks()).isNotEqualTo(a.generate(4, 7).spec().tasks());
    }

    @Test
    void theUtilisationIsTheExactSumOfTpuTimeOverTheTpus() {
        Experiment e = Experiment.load(TestExperiments.file("acceptance-partitioned"));
        TaskSetGenerator.Generated g = new TaskSetGenerator(e).generate(5, 0);
        Fraction sum = Fraction.ZERO;
        for (Task t : g.spec().tasks()) {
            sum = sum.plus(Fraction.of(t.level() * t.wcet(), t.period()));
        }
        assertThat(g.utilisation()).isEqualTo(sum.dividedBy(e.tpus()));
    }

    @Test
    void generatedUtilisationsTrackTheTargetPoint() {
        // Rounding C to ticks moves each set a little; on average it stays near the target.
        Experiment e = Experiment.load(TestExperiments.file("acceptance-global"));
        TaskSetGenerator g = new TaskSetGenerator(e);
        int point = 9; // 0.5
        double mean = 0;
        for (int s = 0; s < 50; s++) {
            mean += Double.parseDouble(g.generate(point, s).utilisation().toDecimal(6)) / 50;
        }
        assertThat(mean).isBetween(0.45, 0.55);
    }

    @Test
    void binningTakesTheNearestPointAndTheLowerOneOnATie() {
        var points = java.util.List.of(new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.3"));
        assertThat(Runner.bin(points, Fraction.of(1, 100))).isEqualTo(0);
        assertThat(Runner.bin(points, Fraction.of(15, 100))).isEqualTo(0);
        assertThat(Runner.bin(points, Fraction.of(151, 1000))).isEqualTo(1);
        assertThat(Runner.bin(points, Fraction.of(29, 100))).isEqualTo(2);
        assertThat(Runner.bin(points, Fraction.of(3, 1))).isEqualTo(2);
    }

    @Test
    void dnnTableWidthsAreUsefulLevelsAndOtherLevelsKeepTheTableShape() {
        Experiment e = Experiment.load(TestExperiments.file("acceptance-partitioned"));
        DnnTables tables = ((Experiment.WidthSource.DnnTable) e.widths()).tables();
        assertThat(tables.entries()).isNotEmpty();
        for (DnnTables.Entry entry : tables.entries()) {
            assertThat(entry.usefulLevels()).first().isEqualTo(1);
            long previous = Long.MAX_VALUE;
            for (int k : entry.usefulLevels()) {
                assertThat(k).isBetween(1, e.tpus());
                assertThat(entry.wcet().get(k)).isLessThan(previous);
                previous = entry.wcet().get(k);
            }
        }
        DnnTables.Entry first = tables.entries().get(0);
        int width = first.usefulLevels().get(first.usefulLevels().size() - 1);
        var scaled = TaskSetGenerator.scaled(first, width, 100);
        assertThat(scaled.get(width).wcet()).isEqualTo(100);
        // a smaller level is slower in the table, so it is slower after scaling too
        assertThat(scaled.get(1).wcet()).isGreaterThanOrEqualTo(100);
    }
}
