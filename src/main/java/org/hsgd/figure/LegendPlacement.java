package org.hsgd.figure;

import java.awt.Font;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Puts a panel's legend in the inside corner that no curve passes through, or outside to the right
 * when every corner is taken, so that the legend never hides data.
 */
final class LegendPlacement {
  /** Room XChart leaves around the plot for tick labels and axis titles, in points (estimate). */
  private static final double LEFT = 44;

  private static final double BOTTOM = 28;
  private static final double OTHER_SIDES = 6;

  /** Samples per segment, so that a line crossing a corner between two points counts. */
  private static final int SAMPLES = 8;

  private LegendPlacement() {}

  /** An inside corner of a panel's plot. */
  enum Corner {
    NE(true, true),
    NW(true, false),
    SW(false, false),
    SE(false, true);

    private final boolean north;
    private final boolean east;

    Corner(boolean north, boolean east) {
      this.north = north;
      this.east = east;
    }

    boolean north() {
      return north;
    }

    boolean east() {
      return east;
    }
  }

  /** The panel that shows the legend (-1: a strip below the panels), and in which corner. */
  record Choice(int panel, Corner corner) {}

  /**
   * The first panel with a corner that no curve passes through, and that corner; else panel -1: a
   * strip below the panels.
   *
   * @param panels the figure's panels with their data as drawn (log10 taken on logarithmic axes)
   */
  static Choice choose(List<Panel> panels, FigureRenderer.Fonts fonts, int width, int height) {
    for (int i = 0; i < panels.size(); i++) {
      Corner corner = clearCorner(panels.get(i), fonts, width, height);
      if (corner != null) {
        return new Choice(i, corner);
      }
    }
    return new Choice(-1, null);
  }

  /** A corner clear of the data, or null if the legend fits in none. */
  private static Corner clearCorner(
      Panel panel, FigureRenderer.Fonts fonts, int width, int height) {
    Font font = fonts.small();
    double plotWidth = width - LEFT - OTHER_SIDES;
    double plotHeight = height - BOTTOM - OTHER_SIDES;
    double textWidth = 0;
    long entries = panel.curves().stream().filter(c -> c.look().inLegend()).count();
    for (Curve c : panel.curves()) {
      if (c.look().inLegend()) {
        textWidth = Math.max(textWidth, fonts.rich(c.label(), font).width());
      }
    }
    double lineHeight = font.getSize2D() * 1.3 + 2;
    double boxWidth = (textWidth + 30) / plotWidth;
    double boxHeight = (entries * lineHeight + 6) / plotHeight;
    if (boxWidth > 0.7 || boxHeight > 0.7) {
      return null;
    }
    DoubleUnaryOperator toX = scale(panel, true);
    DoubleUnaryOperator toY = scale(panel, false);
    for (Corner corner : Corner.values()) {
      double x0 = corner.east() ? 1 - boxWidth : 0;
      double y0 = corner.north() ? 1 - boxHeight : 0;
      if (!touches(panel, toX, toY, x0, x0 + boxWidth, y0, y0 + boxHeight)) {
        return corner;
      }
    }
    return null;
  }

  private static boolean touches(
      Panel panel,
      DoubleUnaryOperator toX,
      DoubleUnaryOperator toY,
      double left,
      double right,
      double bottom,
      double top) {
    for (Curve c : panel.curves()) {
      double[][] edges =
          c.hasBand() ? new double[][] {c.y(), c.low(), c.high()} : new double[][] {c.y()};
      for (double[] y : edges) {
        for (int i = 0; i < c.x().length; i++) {
          int next = Math.min(i + 1, c.x().length - 1);
          for (int k = 0; k < SAMPLES; k++) {
            double f = (double) k / SAMPLES;
            double x = toX.applyAsDouble(c.x()[i]) * (1 - f) + toX.applyAsDouble(c.x()[next]) * f;
            double v = toY.applyAsDouble(y[i]) * (1 - f) + toY.applyAsDouble(y[next]) * f;
            if (x >= left - 0.02 && x <= right + 0.02 && v >= bottom - 0.02 && v <= top + 0.02) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Data to [0, 1] across the axis. */
  private static DoubleUnaryOperator scale(Panel panel, boolean xAxis) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Curve c : panel.curves()) {
      double[][] all =
          xAxis
              ? new double[][] {c.x()}
              : c.hasBand() ? new double[][] {c.y(), c.low(), c.high()} : new double[][] {c.y()};
      for (double[] values : all) {
        for (double v : values) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    if (!panel.categories().isEmpty() && xAxis) {
      min = 0.5;
      max = panel.categories().size() + 0.5;
    }
    double low = min;
    double span = max > min ? max - min : 1;
    return v -> (v - low) / span;
  }
}
