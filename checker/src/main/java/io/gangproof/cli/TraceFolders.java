package io.gangproof.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where {@code check} puts the traces of each spec: {@code --out} itself for the first spec of
 * a system name, {@code --out/SYSTEM-2}, {@code SYSTEM-3}, ... for later specs of the same
 * name in the same run. Trace files are named by system and property, so two specs of one
 * name would otherwise overwrite each other's traces.
 */
final class TraceFolders {
    private final Path outDir;
    private final Map<String, Integer> seen = new HashMap<>();

    TraceFolders(Path outDir) {
        this.outDir = outDir;
    }

    Path forSystem(String system) {
        int n = seen.merge(system, 1, Integer::sum);
        return n == 1 ? outDir : outDir.resolve(system + "-" + n);
    }
}
