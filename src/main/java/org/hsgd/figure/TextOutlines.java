package org.hsgd.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns XChart's label outlines back into text. XChart 3.8 fills the glyph outlines of every label
 * (knowm/XChart#499), so a PDF or SVG would hold no text: it could not be searched or copied, and
 * an SVG weighs megabytes. A figure knows every string it shows (titles, legend entries, and the
 * tick labels its formatters produce); when a vector back-end is asked to fill a shape that is
 * exactly the outline of one of them, it draws the string instead, as {@link RichText}. A shape
 * that matches none is filled as asked, so nothing is ever lost.
 */
final class TextOutlines {
  private final FigureRenderer.Fonts fonts;

  /** Every label and the font it is set in: titles in the label font, ticks in the small one. */
  private final Map<String, Font> texts = new LinkedHashMap<>();

  private final Map<String, Shape> outlines = new HashMap<>();
  private boolean drawingText;

  /** Points; rotations about another centre differ from ours in the last bits. */
  private static final double TOLERANCE = 1e-6;

  TextOutlines(FigureRenderer.Fonts fonts) {
    this.fonts = fonts;
  }

  /** An axis title. */
  void addTitle(String text) {
    add(text, fonts.label());
  }

  private void add(String text, Font font) {
    if (!text.isEmpty() && !TickLabels.isInvisible(text)) {
      texts.putIfAbsent(text, font);
    }
  }

  /** A tick formatter that remembers what it printed. */
  Function<Double, String> recording(Function<Double, String> format) {
    return value -> {
      String text = format.apply(value);
      add(text, fonts.small());
      return text;
    };
  }

  /**
   * Draws {@code shape} as text on {@code g} if it is the outline of a known label, upright or
   * turned a quarter anticlockwise (the y-axis title), as XChart paints them.
   *
   * @return whether it did; if not, the caller fills the shape
   */
  boolean drewAsText(Graphics2D g, Shape shape) {
    if (drawingText) {
      return false; // a back-end that draws text as outlines itself must not recurse
    }
    Rectangle2D bounds = shape.getBounds2D();
    for (Map.Entry<String, Font> label : texts.entrySet()) {
      String text = label.getKey();
      Font font = label.getValue();
      Shape upright =
          outlines.computeIfAbsent(
              text, t -> new TextLayout(t, font, g.getFontRenderContext()).getOutline(null));
      for (int quarters : new int[] {0, -1}) {
        AffineTransform turn = AffineTransform.getQuadrantRotateInstance(quarters);
        Shape candidate = turn.createTransformedShape(upright);
        Rectangle2D at = candidate.getBounds2D();
        double dx = bounds.getX() - at.getX();
        double dy = bounds.getY() - at.getY();
        if (sameSize(at, bounds) && samePath(candidate, shape, dx, dy)) {
          draw(g, fonts.rich(text, font), dx, dy, turn);
          return true;
        }
      }
    }
    return false;
  }

  private void draw(Graphics2D g, RichText text, double dx, double dy, AffineTransform turn) {
    AffineTransform transform = g.getTransform();
    drawingText = true;
    try {
      g.translate(dx, dy);
      g.transform(turn);
      text.draw(g, 0f, 0f);
    } finally {
      drawingText = false;
      g.setTransform(transform);
    }
  }

  private static boolean sameSize(Rectangle2D a, Rectangle2D b) {
    return Math.abs(a.getWidth() - b.getWidth()) < TOLERANCE
        && Math.abs(a.getHeight() - b.getHeight()) < TOLERANCE;
  }

  /** Whether {@code b} is {@code a} moved by (dx, dy), segment by segment. */
  private static boolean samePath(Shape a, Shape b, double dx, double dy) {
    PathIterator i = a.getPathIterator(null);
    PathIterator j = b.getPathIterator(null);
    double[] p = new double[6];
    double[] q = new double[6];
    for (; !i.isDone() && !j.isDone(); i.next(), j.next()) {
      int type = i.currentSegment(p);
      if (type != j.currentSegment(q)) {
        return false;
      }
      for (int c = 0; c < 6; c += 2) {
        if (Math.abs(p[c] + dx - q[c]) > TOLERANCE
            || Math.abs(p[c + 1] + dy - q[c + 1]) > TOLERANCE) {
          return false;
        }
      }
      Arrays.fill(p, 0);
      Arrays.fill(q, 0);
    }
    return i.isDone() && j.isDone();
  }
}
