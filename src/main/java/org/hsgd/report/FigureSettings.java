package org.hsgd.report;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What figures to draw and how: the paper style and the metrics of the training figure.
 *
 * @param metrics the training figure's panels; empty for the default: the loss, and test accuracy
 *     where there is a test set, else |grad f(u_t)|^2
 */
public record FigureSettings(PaperStyle style, List<TraceMetric> metrics) {
  /** One column, the default metrics. */
  public static final FigureSettings DEFAULT =
      new FigureSettings(PaperStyle.oneColumn(), List.of());

  public FigureSettings {
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
