package io.gangproof.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoralLatencyModelTest {
    static final Path CSV = Path.of("data", "coral-model-sizes.csv");
    static final Path LIBRARY = Path.of("specs", "dnn", "coral-derived.gang");

    private static CoralLatencyModel.Model model(String name, String input) throws IOException {
        return CoralLatencyModel.read(CSV).stream().filter(m -> m.name().equals(name) && m.input().equals(input))
                .findFirst().orElseThrow();
    }

    @Test
    void aModelThatFitsOnChipGainsComputeAndPaysHops() throws IOException {
        // efficientnet_edgetpu_s: S = 6.8 MB fits one cache; C = 5.0 ms. L(k) = 5/k + 0.3 (k - 1).
        CoralLatencyModel.Model m = model("efficientnet_edgetpu_s", "224x224");
        assertThat(CoralLatencyModel.latencyMs(m, 1)).isEqualByComparingTo("5.0");
        assertThat(CoralLatencyModel.latencyMs(m, 2)).isEqualByComparingTo("2.8");
        assertThat(CoralLatencyModel.latencyMs(m, 3)).as("1.6667 + 0.6 rounded up").isEqualByComparingTo("2.27");
        assertThat(CoralLatencyModel.latencyMs(m, 4)).isEqualByComparingTo("2.15");
        assertThat(CoralLatencyModel.latencyMs(m, 5)).as("rises again once hops dominate")
                .isEqualByComparingTo("2.2");
    }

    @Test
    void aLargeModelStopsStreamingOnceItFitsAcrossTheCaches() throws IOException {
        // inception_v4: S = 42.9 MB, L(1) = 84.7 ms; s(1) = 34.9 / 0.5 = 69.8 ms, so C = 14.9 ms.
        CoralLatencyModel.Model m = model("inception_v4", "299x299");
        assertThat(CoralLatencyModel.latencyMs(m, 1)).isEqualByComparingTo("84.7");
        assertThat(CoralLatencyModel.latencyMs(m, 2)).as("7.45 + 53.8 + 0.3").isEqualByComparingTo("61.55");
        assertThat(CoralLatencyModel.latencyMs(m, 5)).as("2.98 + 5.8 + 1.2").isEqualByComparingTo("9.98");
        assertThat(CoralLatencyModel.latencyMs(m, 6)).as("2.4833 + 0 + 1.5 rounded up")
                .isEqualByComparingTo("3.99");
    }

    @Test
    void theCommittedLibraryIsExactlyWhatTheModelGeneratesAndLoads() throws IOException {
        List<CoralLatencyModel.Model> models = CoralLatencyModel.read(CSV);
        assertThat(Files.readString(LIBRARY))
                .as("regenerate with: java -cp ... io.gangproof.casestudies.CoralLatencyModel %s %s", CSV, LIBRARY)
                .isEqualTo(CoralLatencyModel.library(models));
        String importer = "system probe {\n import \"" + LIBRARY.getFileName() + "\"\n platform { tpus 1 }\n"
                + " task t { runs inception_v1, sporadic 1 s, priority 1, tpus 1 }\n scheduler global fp\n}\n";
        var spec = SpecLoader.loadText("probe.gang", importer, LIBRARY.getParent()).orThrow();
        assertThat(spec.dnns()).hasSize(models.size());
        assertThat(spec.dnn("inception_v3_299").sizeBytes()).isEqualTo(23_900_000);
        assertThat(spec.dnn("inception_v3_224").wcet(1)).as("13.4 ms in 1 us ticks").isEqualTo(13_400);
        assertThat(new BigDecimal(spec.dnn("inception_v4").wcet(6)).movePointLeft(3))
                .isEqualByComparingTo(CoralLatencyModel.latencyMs(model("inception_v4", "299x299"), 6));
    }
}
