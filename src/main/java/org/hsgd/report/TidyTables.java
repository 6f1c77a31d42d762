package org.hsgd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Variant;
import org.hsgd.figure.SeedBand;
import org.hsgd.sim.Measurement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An experiment's runs as tidy tables, one observation per row, for pandas, R or a spreadsheet: one
 * header row, typed columns with plain names. Each algorithm is named by its place in the sandwich
 * ({@code local_P1}, {@code hsgd}, {@code local_PK}) and its periods are integer columns ({@code I}
 * and {@code G} for two levels, {@code P1..PK} otherwise; local SGD with period P has every period
 * equal to P). A column with no value in any row is left out.
 */
public final class TidyTables {
  private TidyTables() {}

  /** The algorithm's key: "local_P1", "hsgd" or "local_PK". */
  public static String algorithm(Variant v) {
    return switch (v.role()) {
      case LOCAL_BOTTOM -> "local_P1";
      case HSGD -> "hsgd";
      case LOCAL_TOP -> "local_PK";
    };
  }

  /** The period columns of a K-level experiment: I and G for two levels, P1..PK otherwise. */
  public static List<String> periodColumns(int levels) {
    return levels == 2 ? List.of("I", "G") : numbered("P", levels);
  }

  /**
   * Every measurement of every run: experiment, grouping, algorithm, periods, seed, iteration,
   * loss, test_accuracy, test_loss, grad_norm_sq, mean_grad_norm_sq (the time average of |grad f|^2
   * up to the iteration), div_total (the divergence of the workers from their global average, for
   * every algorithm), and for H-SGD the divergence of each level (div_down and div_up for two
   * levels, div_level_k otherwise).
   */
  public static Table trace(ExperimentSpec spec, List<Run> runs) {
    int levels = levels(spec);
    Table t = identity("trace", levels);
    t.addColumns(LongColumn.create("iteration"));
    for (TraceMetric m : TraceMetric.values()) {
      t.addColumns(DoubleColumn.create(m.column()));
    }
    t.addColumns(DoubleColumn.create("mean_grad_norm_sq"), DoubleColumn.create("div_total"));
    List<String> levelColumns = divergenceColumns(levels);
    levelColumns.forEach(name -> t.addColumns(DoubleColumn.create(name)));
    for (Run r : runs) {
      for (Measurement m : r.trace().checkpoints()) {
        appendIdentity(t, spec, r, levels);
        t.longColumn("iteration").append(m.iteration());
        t.doubleColumn("loss").append(m.loss());
        t.doubleColumn("grad_norm_sq").append(m.gradNormSq());
        t.doubleColumn("test_accuracy").append(m.testAccuracy());
        t.doubleColumn("test_loss").append(m.testLoss());
        t.doubleColumn("mean_grad_norm_sq").append(m.runningMean());
        t.doubleColumn("div_total")
            .append(m.divergences().stream().mapToDouble(Double::doubleValue).sum());
        for (int k = 0; k < levelColumns.size(); k++) {
          t.doubleColumn(levelColumns.get(k))
              .append(r.variant().local() ? Double.NaN : m.divergences().get(k));
        }
      }
    }
    return withoutEmptyColumns(t);
  }

  /**
   * One row per run: its final loss, |grad f|^2 and test accuracy, the time average of |grad
   * f(u_t)|^2 and the closed-form bound where one applies.
   *
   * @param bound the bound of a run, NaN where none applies
   */
  public static Table runs(ExperimentSpec spec, List<Run> runs, ToDoubleFunction<Run> bound) {
    int levels = levels(spec);
    Table t = identity("runs", levels);
    Map<String, ToDoubleFunction<Run>> values = runMetrics();
    values.put("bound", bound);
    values.keySet().forEach(name -> t.addColumns(DoubleColumn.create(name)));
    for (Run r : runs) {
      appendIdentity(t, spec, r, levels);
      values.forEach((name, value) -> t.doubleColumn(name).append(value.applyAsDouble(r)));
    }
    return withoutEmptyColumns(t);
  }

  /**
   * Statistics over seeds per algorithm and metric: seeds, mean, sd, min, max and the two-sided 95
   * % Student-t confidence interval of the mean.
   */
  public static Table summary(ExperimentSpec spec, List<Run> runs) {
    int levels = levels(spec);
    Table t = Table.create("summary", StringColumn.create("algorithm"));
    periodColumns(levels).forEach(name -> t.addColumns(LongColumn.create(name)));
    t.addColumns(StringColumn.create("metric"), IntColumn.create("seeds"));
    for (String s : List.of("mean", "sd", "min", "max", "ci95_low", "ci95_high")) {
      t.addColumns(DoubleColumn.create(s));
    }
    Map<Variant, List<Run>> byVariant = new LinkedHashMap<>();
    runs.forEach(r -> byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r));
    for (var entry : byVariant.entrySet()) {
      for (var metric : runMetrics().entrySet()) {
        double[] values = entry.getValue().stream().mapToDouble(metric.getValue()).toArray();
        if (java.util.Arrays.stream(values).allMatch(Double::isNaN)) {
          continue;
        }
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double[] spread = SeedBand.SD.interval(values, mean);
        double[] range = SeedBand.MIN_MAX.interval(values, mean);
        double[] ci = SeedBand.CI95.interval(values, mean);
        t.stringColumn("algorithm").append(algorithm(entry.getKey()));
        appendPeriods(t, entry.getKey(), levels);
        t.stringColumn("metric").append(metric.getKey());
        t.intColumn("seeds").append(values.length);
        t.doubleColumn("mean").append(mean);
        t.doubleColumn("sd").append(values.length > 1 ? spread[1] - mean : Double.NaN);
        t.doubleColumn("min").append(range[0]);
        t.doubleColumn("max").append(range[1]);
        t.doubleColumn("ci95_low").append(values.length > 1 ? ci[0] : Double.NaN);
        t.doubleColumn("ci95_high").append(values.length > 1 ? ci[1] : Double.NaN);
      }
    }
    return t;
  }

  /** The grouping as written in configs: "group-iid". */
  public static String grouping(ExperimentSpec spec) {
    return spec.grouping().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, ToDoubleFunction<Run>> runMetrics() {
    Map<String, ToDoubleFunction<Run>> m = new LinkedHashMap<>();
    m.put("final_loss", r -> r.trace().last().loss());
    m.put("final_grad_norm_sq", r -> r.trace().last().gradNormSq());
    m.put("final_test_accuracy", r -> r.trace().last().testAccuracy());
    m.put("final_test_loss", r -> r.trace().last().testLoss());
    m.put("mean_grad_norm_sq", r -> r.trace().meanGradNormSq());
    m.put("worker_steps", r -> r.trace().workerSteps());
    return m;
  }

  private static int levels(ExperimentSpec spec) {
    return spec.variants().stream().mapToInt(v -> v.periods().size()).max().orElseThrow();
  }

  /** The columns of the level divergences: div_down and div_up for two levels, div_level_k else. */
  public static List<String> divergenceColumns(int levels) {
    if (levels == 1) {
      return List.of();
    }
    return levels == 2 ? List.of("div_down", "div_up") : numbered("div_level_", levels);
  }

  /** prefix1..prefixK. */
  private static List<String> numbered(String prefix, int count) {
    return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(k -> prefix + k).toList();
  }

  private static Table identity(String name, int levels) {
    Table t =
        Table.create(
            name,
            StringColumn.create("experiment"),
            StringColumn.create("grouping"),
            StringColumn.create("algorithm"));
    periodColumns(levels).forEach(p -> t.addColumns(LongColumn.create(p)));
    return t.addColumns(LongColumn.create("seed"));
  }

  private static void appendIdentity(Table t, ExperimentSpec spec, Run r, int levels) {
    t.stringColumn("experiment").append(spec.name());
    t.stringColumn("grouping").append(grouping(spec));
    t.stringColumn("algorithm").append(algorithm(r.variant()));
    appendPeriods(t, r.variant(), levels);
    t.longColumn("seed").append(r.seed());
  }

  private static void appendPeriods(Table t, Variant v, int levels) {
    List<String> names = periodColumns(levels);
    for (int k = 0; k < levels; k++) {
      t.longColumn(names.get(k)).append(v.local() ? v.periods().get(0) : v.periods().get(k));
    }
  }

  private static Table withoutEmptyColumns(Table t) {
    for (Column<?> c : List.copyOf(t.columns())) {
      if (c.size() > 0 && c.countMissing() == c.size()) {
        t.removeColumns(c);
      }
    }
    return t;
  }
}
