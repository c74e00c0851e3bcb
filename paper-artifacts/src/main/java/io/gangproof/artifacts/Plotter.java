package io.gangproof.artifacts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Acceptance ratio versus normalised TPU-time utilisation, one series per method, as PNG
 * (1600 px wide: the 800 x 520 chart drawn at twice the scale) and SVG next to each other.
 * Each point carries its 95% Wilson interval; the series of one bin are moved apart a little
 * along x so that their intervals do not hide each other. Every method has the same colour and
 * marker in every figure ({@link MethodStyle}). Decimals here are for display only: the
 * counts in the CSV are exact.
 */
public final class Plotter {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;
    /** PNG pixels per chart unit: 1600 px wide. */
    public static final int PNG_SCALE = 2;
    /** How far apart along x the series of one bin are drawn, as a share of the points' spacing. */
    private static final double SPREAD = 0.06;

    private Plotter() {
    }

    /** Writes {@code DIR/STEM.png} and {@code DIR/STEM.svg}; returns both paths. */
    public static List<Path> plot(Path csv, Path dir, String stem) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Csv.Parsed parsed = Csv.read(csv);
        if (parsed.shard().isPresent()) {
            throw new IllegalArgumentException(csv + " is shard " + parsed.shard().get() + "; merge the shards first");
        }
        List<String> names = parsed.rows().stream().map(Csv.Row::method).distinct().toList();
        List<Double> points = parsed.rows().stream().map(r -> Double.parseDouble(r.point())).distinct().sorted()
                .toList();
        double spacing = points.size() > 1 ? points.get(1) - points.get(0) : 0.1;
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (String n : names) {
            series.put(n, new YIntervalSeries(n, true, false));
        }
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (Csv.Row r : parsed.rows()) {
            if (r.samples() > 0) {
                int i = names.indexOf(r.method());
                double x = Double.parseDouble(r.point()) + (i - (names.size() - 1) / 2.0) * SPREAD * spacing;
                WilsonInterval ci = WilsonInterval.of95(r.accepted(), r.samples());
                series.get(r.method()).add(x, (double) r.accepted() / r.samples(), ci.low(), ci.high());
                fewest = Math.min(fewest, r.samples());
                most = Math.max(most, r.samples());
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        String h = parsed.header();
        Font tickFont = new Font("SansSerif", Font.PLAIN, 12);
        Font labelFont = new Font("SansSerif", Font.PLAIN, 13);
        NumberAxis x = new NumberAxis("normalised TPU-time utilisation  \u03a3 k\u1d62C\u1d62/T\u1d62 / m");
        x.setAutoRangeIncludesZero(false);
        x.setRange(points.get(0) - spacing / 2, points.get(points.size() - 1) + spacing / 2);
        x.setTickUnit(new NumberTickUnit(spacing >= 0.1 - 1e-9 ? 0.1 : 0.05, new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        NumberAxis y = new NumberAxis("acceptance ratio (accepted / sets in bin)");
        y.setRange(0.0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        for (NumberAxis a : List.of(x, y)) {
            a.setTickLabelFont(tickFont);
            a.setLabelFont(labelFont);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(5.0);
        renderer.setErrorStroke(new BasicStroke(1.0f));
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setUseFillPaint(true);
        for (int i = 0; i < names.size(); i++) {
            MethodStyle style = MethodStyle.of(names.get(i));
            renderer.setSeriesPaint(i, style.colour());
            renderer.setSeriesFillPaint(i, style.filled() ? style.colour() : Color.WHITE);
            renderer.setSeriesOutlinePaint(i, style.colour());
            renderer.setSeriesShape(i, style.marker());
            renderer.setSeriesStroke(i, style.stroke());
        }
        renderer.setDrawOutlines(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        String m = field(h, "tpus");
        String[] tasks = field(h, "tasks").split("\\.\\.");
        String n = tasks.length == 2 && tasks[0].equals(tasks[1]) ? tasks[0] : String.join("\u2013", tasks);
        JFreeChart chart = new JFreeChart("Share of random task sets each method accepts, by utilisation (" + m
                + " TPUs, " + n + " tasks per set)", new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(tickFont);
        String bins = fewest == Long.MAX_VALUE ? "no sets" : fewest == most ? most + " sets per bin"
                : fewest + "\u2013" + most + " sets per bin (CSV column samples)";
        chart.addSubtitle(new TextTitle("experiment " + field(h, "experiment") + ", seed " + field(h, "seed")
                + (field(h, "size").equals("smoke") ? " (smoke size)" : "") + "; " + bins
                + "; bars: 95% Wilson intervals"
                + (names.stream().anyMatch(id -> id.startsWith("explorer")) ? "; dashed, hollow: exhaustive explorer"
                        : ""), new Font("SansSerif", Font.PLAIN, 12)));
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, PNG_SCALE, PNG_SCALE);
        }
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
