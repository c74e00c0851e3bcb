package io.gangproof.bench;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generated specs of any size for the scale benchmark: 8 TPUs, 8 DNNs of a few microseconds,
 * {@code n} periodic tasks (periods scaled with {@code n} so the load stays near 30%), fixed
 * priorities, under global gang-strict (widths 1 and 2) or partitioned (one TPU per pipeline).
 */
public final class ScaleSpecs {
    private ScaleSpecs() {
    }

    public static String text(int n, boolean partitioned, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        s.append("system scale_").append(n).append(partitioned ? "_partitioned" : "_global").append(" {\n")
                .append("  resolution 1 us\n  platform {\n    tpus 8\n");
        if (partitioned) {
            for (int p = 0; p < 8; p++) {
                s.append("    pipeline p").append(p).append(" = [").append(p).append("]\n");
            }
        }
        s.append("  }\n");
        for (int d = 0; d < 8; d++) {
            s.append("  dnn d").append(d).append(" { latency { 1: ").append(10 + d).append(" us, 2: ").append(6 + d)
                    .append(" us } }\n");
        }
        long[] periods = {1000, 2000, 4000, 5000, 10000};
        for (int i = 0; i < n; i++) {
            long period = periods[r.nextInt(periods.length)] * Math.max(1, n / 100);
            s.append("  task t").append(i).append(" { runs d").append(i % 8).append(", periodic ").append(period)
                    .append(" us, priority ").append(i + 1).append(", ")
                    .append(partitioned ? "pipeline p" + (i % 8) : "tpus " + (r.nextInt(3) == 0 ? 2 : 1)).append(" }\n");
        }
        s.append("  scheduler ").append(partitioned ? "partitioned" : "global").append(" fp with gang-strict\n")
                .append("  verify {\n    deadlines\n    response(t0) <= bound\n  }\n}\n");
        return s.toString();
    }

    public static SystemSpec spec(int n, boolean partitioned, long seed) {
        LoadResult r = SpecLoader.loadText("scale-" + n + ".gang", text(n, partitioned, seed), Path.of("."));
        if (!(r instanceof LoadResult.Loaded loaded)) {
            throw new IllegalStateException("the generated spec does not load: " + r.diagnostics());
        }
        return loaded.spec();
    }
}
