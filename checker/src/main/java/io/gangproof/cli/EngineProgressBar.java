package io.gangproof.cli;

import io.gangproof.check.CheckProgress;
import io.gangproof.model.ExplorationProgress;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.parse.Units;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long engine run of {@code check}, drawn by the progressbar library: which
 * engine works on which spec, its time in ms against what was left of the spec's budget when it
 * was asked, and for the explorer the instant reached of the horizon (in the spec's unit),
 * states and memory. A bar appears only
 * once a run has lasted {@code after} (short runs stay silent) and is cleared when the engine
 * answers. Built only for a terminal ({@link #forStandardError}); otherwise nothing is drawn.
 */
final class EngineProgressBar implements CheckProgress, Consumer<ExplorationProgress>, AutoCloseable {
    private final ProgressBarConsumer screen;
    private final Duration after;
    private final ScheduledExecutorService ticker;
    private SystemSpec spec;
    private String task;
    private OptionalLong deadline = OptionalLong.empty();
    private long started;
    private ProgressBar bar;
    private String extra = "";

    EngineProgressBar(ProgressBarConsumer screen, Duration after, Duration every) {
        this.screen = screen;
        this.after = after;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gangproof-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A bar on {@code err} when standard error is a terminal, else a listener that draws nothing. */
    static Listener forStandardError(java.io.PrintWriter err) {
        if (!StandardError.isTerminal()) {
            return Listener.SILENT;
        }
        EngineProgressBar bar = new EngineProgressBar(new LineConsumer(err), Duration.ofSeconds(1),
                Duration.ofMillis(250));
        return new Listener(bar, bar, bar::close);
    }

    /** What {@code check} hands to the checker and the explorer. */
    record Listener(CheckProgress checker, Consumer<ExplorationProgress> explorer, Runnable closer)
            implements AutoCloseable {
        static final Listener SILENT = new Listener(CheckProgress.NONE, p -> { }, () -> { });

        @Override
        public void close() {
            closer.run();
        }
    }

    @Override
    public synchronized void asking(SystemSpec asked, String engine, int properties, OptionalLong deadlineNanos) {
        clear();
        spec = asked;
        task = asked.name() + ": " + engine + " (" + properties + (properties == 1 ? " property)" : " properties)");
        deadline = deadlineNanos;
        started = System.nanoTime();
        extra = "";
    }

    @Override
    public synchronized void answered() {
        clear();
        task = null;
    }

    @Override
    public synchronized void accept(ExplorationProgress p) {
        if (spec != null) {
            TimeFormat time = TimeFormat.of(spec);
            extra = "instant " + time.format(p.instant()) + " of " + time.format(p.horizon()) + ", " + p.states()
                    + " states, " + Units.formatMemory(p.memoryBytes());
        }
    }

    /** Draws or advances the bar of the engine running now, once it has run long enough. */
    synchronized void tick() {
        if (task == null) {
            return;
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000L;
        if (bar == null) {
            if (elapsedMillis < after.toMillis()) {
                return;
            }
            long max = deadline.isPresent() ? Math.max(1, (deadline.getAsLong() - started) / 1_000_000L) : -1;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" ms", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(screen).hideEta().clearDisplayOnFinish().continuousUpdate()
                    .setUpdateIntervalMillis((int) Math.max(100, after.toMillis() / 4))
                    .startsFrom(0, Duration.ofMillis(elapsedMillis)).build();
        }
        bar.stepTo(bar.getMax() > 0 ? Math.min(elapsedMillis, bar.getMax()) : elapsedMillis);
        bar.setExtraMessage(extra);
    }

    private void clear() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        clear();
        task = null;
        ticker.shutdownNow();
    }

    /** Draws each rendering over the last on one line of {@code err}; closing clears the line. */
    static final class LineConsumer implements ProgressBarConsumer {
        private static final int WIDTH = 120;
        private final java.io.PrintWriter err;

        LineConsumer(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r' + rendered);
            err.flush();
        }

        @Override
        public void clear() {
            err.print('\r' + " ".repeat(WIDTH) + '\r');
            err.flush();
        }

        @Override
        public void close() {
            clear();
        }
    }
}
