package org.hsgd.figure;

import java.util.List;
import java.util.function.Function;

/**
 * An axis of a panel, linear or logarithmic. XChart's own logarithmic axis ignores a custom tick
 * formatter, so a logarithmic axis is a linear one over log10 of the data, labelled 10ᵏ at whole k.
 */
enum Axis {
  LINEAR,
  LOG;

  /** Logarithmic when the values are positive and span more than a factor of 20. */
  static Axis of(Panel panel, Function<Curve, double[]> values) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Curve c : panel.curves()) {
      for (double v : values.apply(c)) {
        if (v <= 0) {
          return LINEAR;
        }
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return max / min > 20 ? LOG : LINEAR;
  }

  /**
   * The axis range over the values as drawn: the data's, just widened, since XChart puts a tick on
   * every k-th point when the range is the data's own and the points are equally spaced (0, 80,
   * 160, ...), and round ticks otherwise.
   */
  double[] range(List<Curve> drawn, Function<Curve, double[]> values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Curve c : drawn) {
      for (double v : values.apply(c)) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (!(max > min)) {
      double pad = Math.max(1e-9, Math.abs(min) * 0.05);
      return new double[] {min - pad, max + pad};
    }
    if (this == LOG && Math.floor(max) - Math.ceil(min) < 1) {
      // Fewer than two powers of ten within the data: out to whole decades, so that every
      // logarithmic axis shows at least two labelled ticks (10^k).
      return new double[] {Math.floor(min), Math.max(Math.ceil(max), Math.floor(min) + 1)};
    }
    return new double[] {min, Math.nextUp(max)};
  }

  /**
   * A tick label: the value on a linear axis; 10ᵏ at whole k on a logarithmic one, and between
   * decades a label that shows nothing and differs from every other (XChart drops every tick when
   * two labels are alike).
   */
  String label(double v) {
    if (this == LINEAR) {
      return TickLabels.linear(v);
    }
    long k = Math.round(v);
    return Math.abs(v - k) < 1e-9
        ? TickLabels.logarithmic(Math.pow(10, k))
        : TickLabels.invisible(Math.round(v * 1000));
  }

  /** The curve with log10 taken of its x values on a logarithmic axis. */
  Curve onX(Curve c) {
    return this == LINEAR
        ? c
        : new Curve(c.label(), log(c.x()), c.y(), c.low(), c.high(), c.look());
  }

  /**
   * The curve with log10 taken of its y values and band on a logarithmic axis. A band's lower edge
   * at or below 0 (a wide ci95 band, say) has no place on the axis: it is drawn at mean^2 / upper,
   * the band symmetric in log scale, so that it follows the curve instead of spiking to the floor.
   */
  Curve onY(Curve c) {
    if (this == LINEAR) {
      return c;
    }
    double[] y = log(c.y());
    double[] high = c.hasBand() ? log(c.high()) : null;
    double[] low = c.hasBand() ? log(c.low()) : null;
    if (low != null) {
      for (int i = 0; i < low.length; i++) {
        if (!Double.isFinite(low[i]) && Double.isFinite(y[i])) {
          low[i] = Double.isFinite(high[i]) ? Math.min(y[i], 2 * y[i] - high[i]) : y[i];
        }
      }
    }
    return new Curve(c.label(), c.x(), y, low, high, c.look());
  }

  private static double[] log(double[] values) {
    double[] mapped = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      mapped[i] = Math.log10(values[i]);
    }
    return mapped;
  }
}
