package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpfHomeTest {
    private static Path fakeBuild(Path dir) throws Exception {
        for (String f : JpfHome.REQUIRED) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "");
        }
        return dir;
    }

    @Test
    void theOptionComesFirstThenJpfHomeThenTheProvidedBuildAboveTheWorkingDirectory(@TempDir Path dir)
            throws Exception {
        Path provided = fakeBuild(dir.resolve(JpfHome.PROVIDED));
        Path checkout = Files.createDirectories(dir.resolve("repo/checker"));
        Path other = dir.resolve("other");
        assertThat(JpfHome.locate(Optional.of(other), Map.of("JPF_HOME", "x"), checkout)).hasValue(other);
        assertThat(JpfHome.locate(Optional.empty(), Map.of("JPF_HOME", "x"), checkout)).hasValue(Path.of("x"));
        assertThat(JpfHome.locate(Optional.empty(), Map.of(), checkout)).hasValue(provided);
        assertThat(JpfHome.locate(Optional.empty(), Map.of(), Files.createDirectories(dir.resolve("..")
                .resolve(dir.getFileName() + "-none")))).isEmpty();
    }

    @Test
    void aFolderThatIsNotABuildIsNamedWithWhatItLacks(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/jpf.jar"), "");
        assertThatThrownBy(() -> new JpfHome(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir + " is not a jpf-core build")
                .hasMessageContaining("jpf.properties").hasMessageContaining("build/jpf-classes.jar")
                .hasMessageNotContaining("no build/jpf.jar");
        assertThat(new JpfHome(fakeBuild(dir)).dir()).isEqualTo(dir);
    }
}
