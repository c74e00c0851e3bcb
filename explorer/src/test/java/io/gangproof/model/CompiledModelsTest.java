package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.SystemSpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache of compiled models: written once, read back, and a damaged entry compiled again. */
class CompiledModelsTest {
    @TempDir
    Path cache;

    private String before;

    private ModelGenerator.GeneratedModel model() {
        before = System.getProperty("gangproof.cache");
        System.setProperty("gangproof.cache", cache.toString());
        SystemSpec spec = BundledSpecs.load("starvation-greedy");
        return ModelGenerator.generate(ModelPlan.of(spec, spec.properties(), 40, Map.of()));
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("gangproof.cache");
        } else {
            System.setProperty("gangproof.cache", before);
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("models"))) {
            return files.filter(f -> f.toString().endsWith(".classes")).toList();
        }
    }

    private static TransitionModel instance(Class<?> type) throws ReflectiveOperationException {
        return (TransitionModel) type.getDeclaredConstructor().newInstance();
    }

    @Test
    void aModelIsCompiledOnceAndThenLoadedFromItsEntry() throws Exception {
        ModelGenerator.GeneratedModel m = model();
        String source = m.model().toString();
        Class<?> first = CompiledModels.compiled(m.qualifiedModelClass(), source);
        List<Path> written = entries();
        assertThat(written).hasSize(1);
        byte[] entry = Files.readAllBytes(written.get(0));
        Class<?> again = CompiledModels.compiled(m.qualifiedModelClass(), source);
        assertThat(again).isNotSameAs(first);
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(entry);
        assertThat(instance(again).maxEncodedLength()).isEqualTo(instance(first).maxEncodedLength());
        String other = source.replace("public final class", "/* another model */ public final class");
        CompiledModels.compiled(m.qualifiedModelClass(), other);
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced() throws Exception {
        ModelGenerator.GeneratedModel m = model();
        String source = m.model().toString();
        CompiledModels.compiled(m.qualifiedModelClass(), source);
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        Files.writeString(entry, "not a model");
        assertThat(instance(CompiledModels.compiled(m.qualifiedModelClass(), source))).isNotNull();
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(entry))) {
            out.writeUTF("gangproof compiled model v1");
            out.writeInt(1);
            out.writeUTF(m.qualifiedModelClass());
            out.writeInt(4);
            out.write(new byte[] {1, 2, 3, 4});
        }
        assertThat(instance(CompiledModels.compiled(m.qualifiedModelClass(), source))).isNotNull();
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
    }

    @Test
    void offDisablesTheCache() {
        model();
        System.setProperty("gangproof.cache", "off");
        assertThat(CompiledModels.folder()).isEmpty();
    }
}
