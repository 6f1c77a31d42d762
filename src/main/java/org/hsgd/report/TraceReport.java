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
    List<String> names = columns(levels);
    Table t =
        Table.create(
            name,
            LongColumn.create(
                names.get(0), trace.stream().mapToLong(Measurement::iteration).toArray()),
            DoubleColumn.create(names.get(1), trace.stream().mapToDouble(Measurement::loss)),
            DoubleColumn.create(names.get(2), trace.stream().mapToDouble(Measurement::gradNormSq)),
            DoubleColumn.create(names.get(3), trace.stream().mapToDouble(Measurement::runningMean)),
            DoubleColumn.create(
                names.get(4), trace.stream().mapToDouble(Measurement::testAccuracy)),
            DoubleColumn.create(names.get(5), trace.stream().mapToDouble(Measurement::testLoss)));
    for (int k = 1; k <= levels; k++) {
      t.addColumns(divergence(names.get(5 + k), trace, k));
    }
    if (levels == 2) {
      t.addColumns(divergence("div_down", trace, 1), divergence("div_up", trace, 2));
    }
    return t;
  }

  /**
   * The columns of a run's trace of {@code levels} levels, in order, that {@link ExperimentFolder}
   * reads back (two levels add div_down and div_up after them, for readers).
   */
  static List<String> columns(int levels) {
    List<String> names =
        new java.util.ArrayList<>(
            List.of(
                "iteration",
                "loss",
                "grad_norm_sq",
                "mean_grad_norm_sq",
                "test_accuracy",
                "test_loss"));
    for (int k = 1; k <= levels; k++) {
      names.add("div_level_" + k);
    }
    return names;
  }

  private static DoubleColumn divergence(String name, List<Measurement> trace, int level) {
    return DoubleColumn.create(
        name, trace.stream().mapToDouble(m -> m.divergences().get(level - 1)));
  }
}
