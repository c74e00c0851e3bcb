package io.gangproof.scheduler.svg;

import io.gangproof.scheduler.check.InversionInterval;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Polygon;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Draws a trace as an SVG Gantt chart: one lane per TPU with the jobs coloured by task and
 * labelled (a per-TPU lock held while waiting is drawn pale and dashed), then one row per task
 * with arrivals (triangles), deadlines (ticks), deadline misses (red crosses) and the
 * priority-inversion intervals of its jobs (shaded); deadlocks are red lines across the TPU
 * lanes. Times (title, axis, tooltips) are in the spec's units ({@link TimeFormat}); every job
 * box has a tooltip ({@code <title>}) with its job, exit and interval, so that jobs too short to
 * label are still named; jobs of a DNN with several exits are labelled with their exit.
 * Coordinates are floating point: this is display only, never a verdict.
 */
public final class GanttSvg {
    private static final int LEFT = 100;
    private static final int TOP = 40;
    private static final int LANE = 26;
    private static final int GAP = 6;
    private static final int PLOT_WIDTH = 1100;
    private static final Color[] PALETTE = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f), new Color(0xb07aa1), new Color(0x76b7b2),
        new Color(0xedc948), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac), new Color(0x86bcb6),
        new Color(0x8cd17d), new Color(0xd4a6c8),
    };
    private static final Color MISS = new Color(0xd62728);
    /** Translucent black: no task colour, so inversion is never mistaken for a task's job. */
    private static final Color INVERSION = new Color(0, 0, 0, 70);

    private GanttSvg() {
    }

    public static void write(SystemSpec spec, Trace trace, Path file) {
        try {
            Files.writeString(file, render(spec, trace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SVG document of the whole trace, {@code [0, horizon]}. */
    public static String render(SystemSpec spec, Trace trace) {
        return render(spec, trace, 0, trace.horizon());
    }

    /** Writes only the window {@code [from, to]} of the trace: long traces are unreadable whole. */
    public static void write(SystemSpec spec, Trace trace, long from, long to, Path file) {
        try {
            Files.writeString(file, render(spec, trace, from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SVG document of the window {@code [from, to]}; everything outside it is left out or clipped. */
    public static String render(SystemSpec spec, Trace trace, long from, long to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("need 0 <= from < to, got [" + from + ", " + to + "]");
        }
        int m = spec.platform().tpus();
        List<Task> tasks = spec.tasks();
        int rows = m + tasks.size();
        int height = TOP + rows * (LANE + GAP) + 70;
        int width = LEFT + PLOT_WIDTH + 40;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double scale = PLOT_WIDTH / (double) (to - from);
        Map<String, Color> colour = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            colour.put(tasks.get(i).name(), PALETTE[i % PALETTE.length]);
        }
        Map<String, JobRecord> jobs = new HashMap<>();
        trace.jobs().forEach(j -> jobs.put(j.id(), j));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        TimeFormat time = TimeFormat.of(spec);
        g.drawString(trace.spec() + " - " + trace.scheduler() + " - horizon " + time.format(trace.horizon())
                + (from > 0 || to < trace.horizon() ? " - window [" + time.format(from) + ", " + time.format(to) + "]"
                : ""), LEFT, 20);

        for (int tpu = 0; tpu < m; tpu++) {
            double y = TOP + tpu * (LANE + GAP);
            g.setColor(new Color(0xf4f4f4));
            g.fill(new Rectangle2D.Double(LEFT, y, PLOT_WIDTH, LANE));
            g.setColor(Color.BLACK);
            g.drawString("TPU " + tpu, 10, (float) (y + LANE / 2.0 + 4));
        }
        int boxes = 0;
        for (Occupancy o : trace.occupancy()) {
            if (o.tpu() < 0 || o.tpu() >= m) {
                continue;
            }
            String task = jobs.containsKey(o.job()) ? jobs.get(o.job()).task() : "";
            Color c = colour.getOrDefault(task, Color.GRAY);
            if (o.to() < from || o.from() > to) {
                continue;
            }
            double x = LEFT + (Math.max(o.from(), from) - from) * scale;
            double w = Math.max(1, (Math.min(o.to(), to) - Math.max(o.from(), from)) * scale);
            double y = TOP + o.tpu() * (LANE + GAP);
            Rectangle2D r = new Rectangle2D.Double(x, y + 2, w, LANE - 4);
            String label = jobs.containsKey(o.job()) && spec.tasks().stream().anyMatch(t -> t.name().equals(task)
                    && t.dnn().exits().size() > 1) ? o.job() + " " + jobs.get(o.job()).exit() : o.job();
            // A group whose first child is a <title>: the tooltip of the box and its label.
            String group = "box" + (boxes++);
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, label + (o.executing() ? " runs" : " holds the TPU")
                    + " on TPU " + o.tpu() + " in [" + time.format(o.from()) + ", " + time.format(o.to()) + ")");
            if (o.executing()) {
                g.setColor(c);
                g.fill(r);
                g.setColor(c.darker());
                g.setStroke(new BasicStroke(1));
                g.draw(r);
            } else {
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                g.fill(r);
                g.setColor(c.darker());
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 3}, 0));
                g.draw(r);
            }
            String shown = fm.stringWidth(label) + 4 < w ? label : shortLabel(o.job());
            if (fm.stringWidth(shown) + 4 < w) {
                g.setColor(o.executing() ? Color.WHITE : Color.BLACK);
                g.drawString(shown, (float) (x + (w - fm.stringWidth(shown)) / 2), (float) (y + LANE / 2.0 + 4));
            }
            g.setRenderingHint(SVGHints.KEY_END_GROUP, group);
        }

        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            row.put(tasks.get(i).name(), i);
            double y = TOP + (m + i) * (LANE + GAP);
            g.setColor(new Color(0xfafafa));
            g.fill(new Rectangle2D.Double(LEFT, y, PLOT_WIDTH, LANE));
            g.setColor(colour.get(tasks.get(i).name()));
            g.fill(new Rectangle2D.Double(10, y + 8, 10, 10));
            g.setColor(Color.BLACK);
            g.drawString(tasks.get(i).name(), 26, (float) (y + LANE / 2.0 + 4));
        }
        for (InversionInterval iv : TraceChecker.inversionIntervals(spec, trace)) {
            JobRecord j = jobs.get(iv.job());
            double y = TOP + (m + row.get(j.task())) * (LANE + GAP);
            g.setColor(INVERSION);
            if (iv.to() < from || iv.from() > to) {
                continue;
            }
            long a = Math.max(iv.from(), from);
            long b = Math.min(iv.to(), to);
            g.fill(new Rectangle2D.Double(LEFT + (a - from) * scale, y, Math.max(1, (b - a) * scale), LANE));
        }
        g.setStroke(new BasicStroke(1.5f));
        for (JobRecord j : trace.jobs()) {
            double y = TOP + (m + row.get(j.task())) * (LANE + GAP);
            if (j.arrival() > to || j.deadline() < from) {
                continue;
            }
            double xa = LEFT + (j.arrival() - from) * scale;
            Polygon arrow = new Polygon(new int[] {(int) xa - 4, (int) xa + 4, (int) xa},
                    new int[] {(int) y + LANE, (int) y + LANE, (int) y + LANE - 8}, 3);
            g.setColor(colour.get(j.task()));
            if (j.arrival() >= from) {
                g.fill(arrow);
            }
            if (j.deadline() <= trace.horizon() && j.deadline() <= to) {
                double xd = LEFT + (j.deadline() - from) * scale;
                boolean missed = j.finish().isEmpty() || j.finish().getAsLong() > j.deadline();
                g.setColor(missed ? MISS : Color.DARK_GRAY);
                g.draw(new Line2D.Double(xd, y + 2, xd, y + 12));
                if (missed) {
                    g.draw(new Line2D.Double(xd - 5, y + 12, xd + 5, y + 22));
                    g.draw(new Line2D.Double(xd - 5, y + 22, xd + 5, y + 12));
                }
            }
        }

        for (io.gangproof.scheduler.trace.Deadlock d : trace.deadlocks()) {
            if (d.time() < from || d.time() > to) {
                continue;
            }
            double x = LEFT + (d.time() - from) * scale;
            g.setColor(MISS);
            g.setStroke(new BasicStroke(2));
            g.draw(new Line2D.Double(x, TOP - 4, x, TOP + m * (LANE + GAP)));
            g.drawString("deadlock " + String.join(", ", d.jobs()), (float) x + 4, TOP - 6);
        }

        double axisY = TOP + rows * (LANE + GAP) + 4;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.draw(new Line2D.Double(LEFT, axisY, LEFT + PLOT_WIDTH, axisY));
        long step = niceStep(to - from);
        String unit = time.unitOf(to);
        for (long t = (from + step - 1) / step * step; t <= to; t += step) {
            double x = LEFT + (t - from) * scale;
            g.draw(new Line2D.Double(x, axisY, x, axisY + 5));
            String s = time.in(t, unit).toPlainString();
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (axisY + 18));
        }
        g.drawString("time in " + unit + "; triangle = arrival, tick = deadline, red cross = miss, grey band = priority "
                + "inversion, pale = lock held while waiting, red line = deadlock; hover a job for its times",
                LEFT, (float) (axisY + 40));
        return g.getSVGDocument();
    }

    /** {@code H#12} shortened to {@code #12} for a box too narrow for its job's full name. */
    private static String shortLabel(String job) {
        int hash = job.lastIndexOf('#');
        return hash >= 0 ? job.substring(hash) : job;
    }

    /** About ten axis labels: 1, 2 or 5 times a power of ten. */
    private static long niceStep(long horizon) {
        long raw = Math.max(1, horizon / 10);
        long p = 1;
        while (p * 10 <= raw) {
            p *= 10;
        }
        if (raw >= 5 * p) {
            return 5 * p;
        }
        if (raw >= 2 * p) {
            return 2 * p;
        }
        return p;
    }
}
