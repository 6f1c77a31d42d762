package org.hsgd.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.BoundResult;
import org.hsgd.bounds.NumericTerms;
import org.hsgd.bounds.SandwichResult;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The sandwich bounds over one swept parameter, as a table and a chart. */
public final class SweepReport {
  private final String parameter;
  private final double[] values;
  private final List<SandwichResult> results;
  private final BoundKind kind;

  /**
   * @param parameter the swept key
   * @param values its values
   * @param results the sandwich at each value
   * @param kind the bound the chart shows
   */
  public SweepReport(
      String parameter, double[] values, List<SandwichResult> results, BoundKind kind) {
    this.parameter = parameter;
    this.values = values.clone();
    this.results = List.copyOf(results);
    this.kind = kind;
  }

  /** One row per value: the three totals and step sizes, the H-SGD terms, validity and order. */
  public Table table() {
    return Table.create(
        "sweep of " + parameter,
        DoubleColumn.create(parameter, values),
        column("gamma_lower", r -> r.lower().stepSize()),
        column("gamma_hsgd", r -> r.hsgd().stepSize()),
        column("gamma_upper", r -> r.upper().stepSize()),
        column("gamma_max_hsgd", r -> r.hsgd().stepSizeLimit()),
        column("lower_total", r -> r.lower().total()),
        column("hsgd_total", r -> r.hsgd().total()),
        column("upper_total", r -> r.upper().total()),
        column("lower_numeric", r -> numeric(r.lower())),
        column("hsgd_numeric", r -> numeric(r.hsgd())),
        column("upper_numeric", r -> numeric(r.upper())),
        column("hsgd_optimization", r -> r.hsgd().terms().optimization()),
        column("hsgd_noise", r -> r.hsgd().terms().noise()),
        column("hsgd_noise_drift", r -> r.hsgd().terms().noiseDrift()),
        column("hsgd_divergence_drift", r -> r.hsgd().terms().divergenceDrift()),
        BooleanColumn.create(
            "hsgd_step_size_valid", results.stream().map(r -> r.hsgd().stepSizeValid()).toList()),
        BooleanColumn.create(
            "sandwich_holds", results.stream().map(SandwichResult::holds).toList()));
  }

  /** The three bounds against the swept parameter. */
  public XYChart chart() {
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("local SGD, P = P_1 (lower)", totals(SandwichResult::lower));
    series.put("H-SGD", totals(SandwichResult::hsgd));
    series.put("local SGD, P = P_K (upper)", totals(SandwichResult::upper));
    return Plots.lines(
        (kind == BoundKind.NUMERIC ? "Numeric" : "Closed-form") + " bounds vs " + parameter,
        parameter,
        "bound on (1/T) sum E|grad f(u_t)|^2",
        values,
        series);
  }

  /** How many points break the sandwich. */
  public long violations() {
    return results.stream().filter(r -> !r.holds()).count();
  }

  private double[] totals(java.util.function.Function<SandwichResult, BoundResult> which) {
    return results.stream()
        .mapToDouble(
            r -> kind == BoundKind.NUMERIC ? numeric(which.apply(r)) : which.apply(r).total())
        .toArray();
  }

  private static double numeric(BoundResult r) {
    return r.numeric().map(NumericTerms::total).orElse(Double.NaN);
  }

  private DoubleColumn column(String name, ToDoubleFunction<SandwichResult> value) {
    return DoubleColumn.create(name, results.stream().mapToDouble(value));
  }
}
