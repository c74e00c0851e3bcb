package io.gangproof.scheduler.search;

import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A terminal progress bar for {@link SimulationSearch} (the progressbar library draws it).
 * Close it when the search ends, e.g. in try-with-resources.
 */
public final class SearchProgressBar implements SearchProgress, AutoCloseable {
    private final ProgressBar bar;

    private SearchProgressBar(ProgressBarConsumer consumer, int runs) {
        bar = new ProgressBarBuilder().setTaskName("simulate").setInitialMax(runs).setUnit(" runs", 1)
                .setUpdateIntervalMillis(200).continuousUpdate().setConsumer(consumer).build();
    }

    /** Draws on standard error, so standard output stays clean for results and JSON. */
    public static SearchProgressBar onStandardError(int runs) {
        return new SearchProgressBar(new ConsoleProgressBarConsumer(System.err), runs);
    }

    /** Hands every rendered line to {@code lines} (for tests, or a GUI). */
    public static SearchProgressBar to(Consumer<String> lines, int runs) {
        return new SearchProgressBar(new DelegatingProgressBarConsumer(lines), runs);
    }

    @Override
    public void runFinished(int done, int total) {
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
