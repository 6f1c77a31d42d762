package org.hsgd.report;

import java.util.List;
import org.hsgd.sim.Measurement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** A simulation's measurements as a table: one row per measured iteration. */
public final class TraceReport {
  private TraceReport() {}

  /**
   * Columns: iteration, loss, grad_norm_sq, mean_grad_norm_sq (the time average up to t),
   * test_accuracy and test_loss (empty without a test set), div_level_1..div_level_K, then div_down
   * and div_up for two levels. Every column is a deterministic function of the spec and seed.
   */
  public static Table table(String name, List<Measurement> trace) {
    int levels = trace.get(0).divergences().size();
    Table t =
        Table.create(
            name,
            LongColumn.create(
                "iteration", trace.stream().mapToLong(Measurement::iteration).toArray()),
            DoubleColumn.create("loss", trace.stream().mapToDouble(Measurement::loss)),
            DoubleColumn.create(
                "grad_norm_sq", trace.stream().mapToDouble(Measurement::gradNormSq)),
            DoubleColumn.create(
                "mean_grad_norm_sq", trace.stream().mapToDouble(Measurement::runningMean)),
            DoubleColumn.create(
                "test_accuracy", trace.stream().mapToDouble(Measurement::testAccuracy)),
            DoubleColumn.create("test_loss", trace.stream().mapToDouble(Measurement::testLoss)));
    for (int k = 1; k <= levels; k++) {
      t.addColumns(divergence("div_level_" + k, trace, k));
    }
    if (levels == 2) {
      t.addColumns(divergence("div_down", trace, 1), divergence("div_up", trace, 2));
    }
    return t;
  }

  private static DoubleColumn divergence(String name, List<Measurement> trace, int level) {
    return DoubleColumn.create(
        name, trace.stream().mapToDouble(m -> m.divergences().get(level - 1)));
  }
}
