package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Experiment files: the committed ones load; a bad one exits 65 naming its field. */
class ExperimentFileTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommittedExperimentLoadsAndNamesASmokeSizeSmallerThanItsFullSize() {
        assertThat(TestExperiments.all()).extracting(p -> p.getFileName().toString())
                .contains("acceptance-global.json", "acceptance-partitioned.json", "acceptance-synthesis.json",
                        "explorer-small.json");
        for (Path p : TestExperiments.all()) {
            Experiment e = Experiment.load(p);
            assertThat(e.smokeSize().workItems()).isLessThan(e.workItems());
            assertThat(e.smokeSize().definitionDigest()).isNotEqualTo(e.definitionDigest());
        }
    }

    private String valid() throws IOException {
        return Files.readString(TestExperiments.file("acceptance-global"));
    }

    private TestExperiments.Result runWith(String json) throws IOException {
        Path f = tmp.resolve("acceptance-global.json");
        Files.writeString(f, json);
        return TestExperiments.cli("run", f.toString(), "--smoke", "--out", tmp.resolve("out").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"seed\": 20261126                 | \"seed\": \"x\"                    | seed",
        "\"tpus\": 4                        | \"tpus\": 0                        | tpus",
        "\"samplesPerPoint\": 500           | \"samplesPerPoint\": -1            | samplesPerPoint",
        "\"generator\": \"uunifast-discard\" | \"generator\": \"uunifast\"        | generator",
        "\"min\": 10, \"max\": 1000          | \"min\": 15, \"max\": 1000          | periods.min",
        "\"arrival\": \"sporadic\"           | \"arrival\": \"bursty\"            | arrival",
        "\"source\": \"uniform\", \"min\": 1, \"max\": 4 | \"source\": \"uniform\", \"min\": 1, \"max\": 5 | widths.max",
        "\"maxTaskUtilisation\": 1          | \"maxTaskUtilisation\": 1.5        | maxTaskUtilisation",
        "\"methods\": [\"global-greedy\", | \"methods\": [\"global-optimal\", | methods",
        "\"samplesPerPoint\": 3}            | \"samples\": 3}                    | smoke.samples",
        "0.95, 1.0]                        | 1.0, 0.95]                         | points",
        "\"name\": \"acceptance-global\"     | \"name\": \"other\"                | name",
    })
    void aBadFieldExits65AndIsNamed(String from, String to, String field) throws IOException {
        String json = valid();
        assertThat(json).contains(from.strip());
        TestExperiments.Result r = runWith(json.replace(from.strip(), to.strip()));
        assertThat(r.code()).as(r.err()).isEqualTo(65);
        assertThat(r.err()).contains("bad experiment file", "field '" + field + "'");
    }

    @Test
    void anUnknownMethodListsTheKnownOnes() throws IOException {
        TestExperiments.Result r = runWith(valid().replace("\"global-strict\"]", "\"global-magic\"]"));
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains("unknown method 'global-magic'");
        for (String id : Methods.ids()) {
            assertThat(r.err()).contains(id);
        }
    }

    @Test
    void missingFieldsAndBrokenJsonAreNamed() throws IOException {
        TestExperiments.Result missing = runWith(valid().replace("\"tpus\": 4,", ""));
        assertThat(missing.code()).isEqualTo(65);
        assertThat(missing.err()).contains("field 'tpus': is missing");
        TestExperiments.Result broken = runWith(valid().replace("\"tpus\": 4,", "\"tpus\": 4,,"));
        assertThat(broken.code()).isEqualTo(65);
        assertThat(broken.err()).contains("not valid JSON");
        TestExperiments.Result unreachable = runWith(valid().replace("\"min\": 5, \"max\": 10", "\"min\": 2, \"max\": 10"));
        assertThat(unreachable.code()).isEqualTo(65);
        assertThat(unreachable.err()).contains("field 'points'", "more than tasks.min");
    }

    @Test
    void aMissingDnnTableFileIsNamed() {
        String json;
        try {
            json = Files.readString(TestExperiments.file("acceptance-partitioned"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> Experiment.parse(json, "acceptance-partitioned", tmp))
                .isInstanceOf(ExperimentException.class).hasMessageContaining("field 'widths.file'");
    }
}
