package io.gangproof.artifacts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Acceptance ratio versus normalised TPU-time utilisation, one series per method, as PNG and
 * SVG next to each other. Decimals here are for display only: the counts in the CSV are exact.
 */
public final class Plotter {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};

    private Plotter() {
    }

    /** Writes {@code DIR/STEM.png} and {@code DIR/STEM.svg}; returns both paths. */
    public static List<Path> plot(Path csv, Path dir, String stem) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Csv.Parsed parsed = Csv.read(csv);
        if (parsed.shard().isPresent()) {
            throw new IllegalArgumentException(csv + " is shard " + parsed.shard().get() + "; merge the shards first");
        }
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Csv.Row r : parsed.rows()) {
            XYSeries s = series.computeIfAbsent(r.method(), m -> new XYSeries(m, true, false));
            if (r.samples() > 0) {
                s.add(Double.parseDouble(r.point()), (double) r.accepted() / r.samples());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series.values()) {
            data.addSeries(s);
        }
        String h = parsed.header();
        NumberAxis x = new NumberAxis("normalised TPU-time utilisation  \u03a3 k\u1d62C\u1d62/T\u1d62 / m");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("acceptance ratio (accepted / sets in bin)");
        y.setRange(0.0, 1.05);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<String> names = new ArrayList<>(series.keySet());
        Map<String, Color> colours = new LinkedHashMap<>();
        for (String n : names) {
            // an explorer series takes the colour of the analysis it is the ground truth of
            String analysis = n.startsWith("explorer-") ? n.substring("explorer-".length()) : n;
            if (!colours.containsKey(analysis)) {
                colours.put(analysis, COLOURS[colours.size() % COLOURS.length]);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            renderer.setSeriesPaint(i, colours.get(n.startsWith("explorer-") ? n.substring("explorer-".length()) : n));
            boolean truth = n.startsWith("explorer");
            renderer.setSeriesStroke(i, truth
                    ? new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.0f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(field(h, "experiment"), new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String[] tasks = field(h, "tasks").split("\\.\\.");
        String n = tasks.length == 2 && tasks[0].equals(tasks[1]) ? tasks[0] : String.join("\u2013", tasks);
        chart.addSubtitle(new TextTitle("m = " + field(h, "tpus") + " TPUs, n = " + n
                + " tasks, " + field(h, "samplesPerPoint") + " sets per point, seed " + field(h, "seed")
                + (field(h, "size").equals("smoke") ? " (smoke size)" : "")
                + (names.stream().anyMatch(id -> id.startsWith("explorer")) ? "; dashed: exhaustive explorer" : ""),
                new Font("SansSerif", Font.PLAIN, 12)));
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("gangproof-"); // the default is time-based: fixed, the same CSV gives the same SVG bytes
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(svg.toFile(), g2.getSVGElement());
        return List.of(png, svg);
    }

    static String field(String header, String key) {
        for (String part : header.substring(1).trim().split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return "?";
    }
}
