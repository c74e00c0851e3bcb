package io.gangproof.artifacts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/**
 * One colour and one marker per method, the same in every figure, so that a reader can follow
 * a method from figure to figure. An explorer series (the ground truth of an analysis) takes
 * its analysis' colour and marker, hollow and dashed. Colours are from the Tableau 10 palette,
 * which stays distinguishable for the common colour-vision deficiencies together with the
 * distinct markers.
 */
public record MethodStyle(Color colour, Shape marker, boolean filled, Stroke stroke) {
    private static final float SIZE = 8f;
    private static final Stroke SOLID = new BasicStroke(2.0f);
    private static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private record Base(Color colour, Shape marker) {
    }

    private static final Map<String, Base> BY_METHOD = Map.of(
            "global-strict", new Base(new Color(0x1f77b4), circle()),
            "global-greedy", new Base(new Color(0xd62728), triangle(true)),
            "global-strict-assigned", new Base(new Color(0x17becf), circle()),
            "global-greedy-assigned", new Base(new Color(0xff7f0e), triangle(true)),
            "partitioned-heuristic", new Base(new Color(0x2ca02c), square()),
            "partitioned-smt", new Base(new Color(0x9467bd), diamond()));
    private static final Base OTHER = new Base(new Color(0x7f7f7f), triangle(false));

    public static MethodStyle of(String method) {
        boolean truth = method.startsWith("explorer-");
        Base b = BY_METHOD.getOrDefault(truth ? method.substring("explorer-".length()) : method, OTHER);
        return new MethodStyle(b.colour(), b.marker(), !truth, truth ? DASHED : SOLID);
    }

    private static Shape circle() {
        return new Ellipse2D.Float(-SIZE / 2, -SIZE / 2, SIZE, SIZE);
    }

    private static Shape square() {
        return new Rectangle2D.Float(-SIZE / 2, -SIZE / 2, SIZE, SIZE);
    }

    private static Shape triangle(boolean up) {
        float s = up ? 1 : -1;
        Path2D.Float p = new Path2D.Float();
        p.moveTo(0, -s * SIZE / 2);
        p.lineTo(SIZE / 2, s * SIZE / 2);
        p.lineTo(-SIZE / 2, s * SIZE / 2);
        p.closePath();
        return p;
    }

    private static Shape diamond() {
        Path2D.Float p = new Path2D.Float();
        p.moveTo(0, -SIZE / 2 - 1);
        p.lineTo(SIZE / 2 + 1, 0);
        p.lineTo(0, SIZE / 2 + 1);
        p.lineTo(-SIZE / 2 - 1, 0);
        p.closePath();
        return p;
    }
}
