package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.GlobalSerialResponseTime;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tightness study: its tests come from the registry; its CSVs are consistent; the command writes every file. */
class TightnessStudyTest {
    static final Path STUDY = Path.of("studies", "tightness.json");

    @TempDir
    Path tmp;

    @Test
    void theTestsAreEveryRegisteredAnalysisThatAppliesToEachGlobalScheduler() {
        Experiment e = Experiment.load(STUDY).smokeSize();
        TightnessStudy study = new TightnessStudy(e);
        TaskSetGenerator.Generated set = new TaskSetGenerator(e).generate(0, 0);
        assertThat(study.variants()).isNotEmpty();
        for (TightnessStudy.Variant v : study.variants()) {
            List<String> expected = AnalysisCatalog.all().stream()
                    .filter(a -> a.appliesToScheduler(TightnessStudy.retarget(set.spec(), v.scheduler())))
                    .map(ResponseTimeAnalysis::name).toList();
            assertThat(v.tests().stream().map(ResponseTimeAnalysis::name).toList()).isEqualTo(expected);
        }
        // the serialised test joins every global fp variant, whether or not the sample set is serialised
        assertThat(study.variants()).filteredOn(v -> v.scheduler().policy() == Policy.FP)
                .allMatch(v -> v.tests().stream().anyMatch(t -> t.name().equals(GlobalSerialResponseTime.NAME)));
        for (Protocol p : List.of(Protocol.GANG_GREEDY, Protocol.GANG_STRICT)) {
            assertThat(study.variants()).anyMatch(v -> v.scheduler().equals(new Scheduler(Placement.GLOBAL, Policy.FP, p)));
        }
    }

    @Test
    void oneSetGivesConsistentCountsAndBoundsNoTighterThanExact() {
        Experiment e = Experiment.load(STUDY).resized(List.of(new BigDecimal("0.3")), 1, "smoke");
        TightnessStudy study = new TightnessStudy(e);
        List<TightnessStudy.SetRecord> records = study.run(1, () -> { });
        assertThat(records).hasSize(1);
        String acceptance = TightnessCsv.acceptance(e, study.variants(), records);
        for (String line : acceptance.lines().filter(l -> l.startsWith("0.3,")).toList()) {
            String[] f = line.split(",", -1);
            assertThat(Long.parseLong(f[6])).isLessThanOrEqualTo(Long.parseLong(f[4]));
            assertThat(Long.parseLong(f[4]) + Long.parseLong(f[5])).isLessThanOrEqualTo(Long.parseLong(f[3]));
        }
        boolean someRatio = false;
        for (String line : TightnessCsv.pessimism(e, study.variants(), records).lines()
                .filter(l -> l.contains(",all,")).toList()) {
            String[] f = line.split(",", -1);
            if (Long.parseLong(f[3]) > 0) {
                someRatio = true;
                assertThat(new BigDecimal(f[4])).isGreaterThanOrEqualTo(BigDecimal.ONE);
            }
        }
        assertThat(someRatio).as("the study set at 0.3 has bounded, exactly schedulable tasks").isTrue();
    }

    @Test
    void theCommandWritesBothCsvsAndFiguresAndRedrawsThem() throws IOException {
        Path one = tmp.resolve("one.json");
        Files.writeString(one, Files.readString(STUDY).replace("\"name\": \"tightness\"", "\"name\": \"one\"")
                .replace("\"smoke\": {\"points\": [0.3, 0.7], \"samplesPerPoint\": 2}",
                        "\"smoke\": {\"points\": [0.3], \"samplesPerPoint\": 1}"));
        TestExperiments.Result r = TestExperiments.cli("study", one.toString(), "--smoke", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("one-acceptance.csv", "one-pessimism.csv", "one-acceptance.png", "one-acceptance.svg",
                "one-pessimism.png", "one-pessimism.svg")) {
            assertThat(tmp.resolve(f)).isNotEmptyFile();
        }
        String svg = Files.readString(tmp.resolve("one-acceptance.svg"));
        TestExperiments.Result again = TestExperiments.cli("study", one.toString(), "--smoke", "--out", tmp.toString(),
                "--plot-only");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(tmp.resolve("one-acceptance.svg"))).isEqualTo(svg);
    }
}
