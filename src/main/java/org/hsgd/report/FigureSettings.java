package org.hsgd.report;

import java.util.List;
import org.hsgd.figure.PaperStyle;
import org.hsgd.figure.SeedBand;
import tech.tablesaw.api.Table;

/**
 * What figures to draw and how: the paper style, what the band around a mean over seeds shows, and
 * the metrics of the training figure.
 *
 * @param band what the band around a mean over seeds shows
 * @param metrics the training figure's panels; empty for the default: the loss, and test accuracy
 *     where there is a test set, else |grad f(u_t)|^2
 */
public record FigureSettings(PaperStyle style, SeedBand band, List<TraceMetric> metrics) {
  /** One column, min-max bands, the default metrics. */
  public static final FigureSettings DEFAULT =
      new FigureSettings(PaperStyle.oneColumn(), SeedBand.MIN_MAX, List.of());

  public FigureSettings {
    org.hsgd.Require.that(
        band != null, "figures.band", "must be min-max, sd or ci95", () -> "null");
    metrics = List.copyOf(metrics);
  }

  /** The metrics to draw from {@code trace}. */
  public List<TraceMetric> metricsFor(Table trace) {
    if (!metrics.isEmpty()) {
      return metrics;
    }
    return trace.columnNames().contains(TraceMetric.TEST_ACCURACY.column())
        ? List.of(TraceMetric.LOSS, TraceMetric.TEST_LOSS, TraceMetric.TEST_ACCURACY)
        : List.of(TraceMetric.LOSS, TraceMetric.GRAD_NORM_SQ);
  }
}
