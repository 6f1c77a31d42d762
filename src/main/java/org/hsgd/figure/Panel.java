package org.hsgd.figure;

import java.util.List;

/**
 * One set of axes of a figure. An axis is logarithmic when its values are positive and span more
 * than a factor of 20. The panels of a figure share one legend, drawn where it hides no data.
 *
 * @param xLabel x-axis title (Unicode symbols such as γ, ‖∇f(uₜ)‖²)
 * @param yLabel y-axis title
 * @param curves the curves, in legend order
 * @param categories names for x = 1, 2, ...; empty for a numeric x axis
 */
public record Panel(String xLabel, String yLabel, List<Curve> curves, List<String> categories) {

  public Panel {
    curves = List.copyOf(curves);
    categories = List.copyOf(categories);
  }

  /** A panel with a numeric x axis. */
  public static Panel of(String xLabel, String yLabel, List<Curve> curves) {
    return new Panel(xLabel, yLabel, curves, List.of());
  }

  /** The same axes with other curves. */
  Panel withCurves(List<Curve> other) {
    return new Panel(xLabel, yLabel, other, categories);
  }
}
