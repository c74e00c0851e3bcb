package io.gangproof.artifacts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * The tightness study's two figures, drawn from its CSVs (decimals for display only):
 * acceptance relative to the exact answer by utilisation, one series per (scheduler, test) with
 * its 95% Wilson interval; and the pessimism of the response bounds, one box per (scheduler,
 * test) over every point (box: quartiles, line: median, whiskers: min and max).
 */
public final class TightnessPlotter {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private TightnessPlotter() {
    }

    static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            if (!l.startsWith("#") && !l.startsWith("point,") && !l.startsWith("scheduler,")) {
                out.add(l.split(",", -1));
            }
        }
        return out;
    }

    /**
     * A series' label: the test's name, with its scheduler spelled out where the name does not
     * say it (the union series and a test registered under several schedulers, as the serialised one).
     */
    private static String label(String[] row, Set<String> underSeveral) {
        return underSeveral.contains(row[2]) ? row[2] + " (" + row[1] + ")" : row[2];
    }

    /** The test names (column {@code test}) that occur with more than one scheduler (column {@code scheduler}). */
    private static Set<String> underSeveralSchedulers(List<String[]> rows, int test, int scheduler) {
        Map<String, Set<String>> schedulers = new LinkedHashMap<>();
        for (String[] r : rows) {
            schedulers.computeIfAbsent(r[test], t -> new HashSet<>()).add(r[scheduler]);
        }
        Set<String> out = new HashSet<>();
        schedulers.forEach((name, in) -> {
            if (in.size() > 1) {
                out.add(name);
            }
        });
        return out;
    }

    static String headerField(Path csv, String key) throws IOException {
        return Plotter.field(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0), key);
    }

    /** Writes {@code STEM.png} and {@code STEM.svg} of the acceptance CSV into {@code dir}. */
    public static List<Path> acceptance(Path csv, Path dir, String stem) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        long fewest = Long.MAX_VALUE;
        long most = 0;
        List<String[]> rows = rows(csv);
        Set<String> underSeveral = underSeveralSchedulers(rows, 2, 1);
        List<String> names = rows.stream().map(r -> label(r, underSeveral)).distinct().toList();
        for (String[] r : rows) {
            String name = label(r, underSeveral);
            YIntervalSeries s = series.computeIfAbsent(name, n -> new YIntervalSeries(n, true, false));
            long exact = Long.parseLong(r[4]);
            if (exact > 0) {
                double x = Double.parseDouble(r[0]) + (names.indexOf(name) - (names.size() - 1) / 2.0) * 0.006;
                s.add(x, Double.parseDouble(r[7]), Double.parseDouble(r[8]), Double.parseDouble(r[9]));
                fewest = Math.min(fewest, exact);
                most = Math.max(most, exact);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        NumberAxis x = new NumberAxis("normalised TPU-time utilisation  \u03a3 k\u1d62C\u1d62/T\u1d62 / m");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("accepted / exactly schedulable (explorer)");
        y.setRange(0.0, 1.02);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setCapLength(4.0);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < names.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesStroke(i, names.get(i).endsWith(TightnessCsv.ANY)
                    ? new BasicStroke(2.5f) : new BasicStroke(1.2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Tightness: share of the exactly schedulable sets each test accepts ("
                + headerField(csv, "tpus") + " TPUs)", new Font("SansSerif", Font.BOLD, 14), plot, true);
        String bins = fewest == Long.MAX_VALUE ? "no exactly schedulable sets"
                : fewest + "\u2013" + most + " exactly schedulable sets per bin (CSV column exact_accepted)";
        chart.addSubtitle(new TextTitle("study " + headerField(csv, "study") + ", seed " + headerField(csv, "seed")
                + ("smoke".equals(headerField(csv, "size")) ? " (smoke size)" : "") + "; " + bins
                + "; bars: 95% Wilson intervals", new Font("SansSerif", Font.PLAIN, 11)));
        return write(chart, dir, stem);
    }

    /** Writes {@code STEM.png} and {@code STEM.svg} of the pessimism CSV into {@code dir}. */
    public static List<Path> pessimism(Path csv, Path dir, String stem) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<String[]> rows = rows(csv);
        Set<String> underSeveral = underSeveralSchedulers(rows, 1, 0);
        for (String[] r : rows) {
            if (r[2].equals("all") && Long.parseLong(r[3]) > 0) {
                String test = underSeveral.contains(r[1]) ? r[1] + ", " + r[0] : r[1];
                double min = Double.parseDouble(r[4]);
                double max = Double.parseDouble(r[9]);
                data.add(new BoxAndWhiskerItem(Double.parseDouble(r[10]), Double.parseDouble(r[6]),
                        Double.parseDouble(r[5]), Double.parseDouble(r[7]), min, max, min, max, List.of()),
                        "bound / exact", test + " (" + r[3] + " tasks)");
            }
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setSeriesPaint(0, new Color(0x9ecae1));
        CategoryAxis x = new CategoryAxis("test (tasks with a bound in exactly schedulable sets)");
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis("response bound / exact worst-case response");
        y.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Pessimism of the response bounds, per task (" + headerField(csv, "tpus")
                + " TPUs)", new Font("SansSerif", Font.BOLD, 14), plot, false);
        chart.addSubtitle(new TextTitle("study " + headerField(csv, "study") + ", seed " + headerField(csv, "seed")
                + ("smoke".equals(headerField(csv, "size")) ? " (smoke size)" : "")
                + "; box: quartiles, line: median, whiskers: min and max (mean in the CSV)",
                new Font("SansSerif", Font.PLAIN, 11)));
        return write(chart, dir, stem);
    }

    private static List<Path> write(JFreeChart chart, Path dir, String stem) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeScaledChartAsPNG(out, chart, Plotter.WIDTH, Plotter.HEIGHT, Plotter.PNG_SCALE,
                    Plotter.PNG_SCALE);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(Plotter.WIDTH, Plotter.HEIGHT);
        g2.setDefsKeyPrefix("gangproof-");
        chart.draw(g2, new Rectangle(0, 0, Plotter.WIDTH, Plotter.HEIGHT));
        SVGUtils.writeToSVG(svg.toFile(), g2.getSVGElement());
        return List.of(png, svg);
    }
}
