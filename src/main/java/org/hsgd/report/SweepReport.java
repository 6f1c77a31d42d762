package org.hsgd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.BoundResult;
import org.hsgd.bounds.NumericTerms;
import org.hsgd.bounds.SandwichResult;
import org.hsgd.figure.Curve;
import org.hsgd.figure.Figure;
import org.hsgd.figure.Panel;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** The sandwich bounds over one swept parameter, as a table and a figure. */
public final class SweepReport {
  private final String parameter;
  private final double[] values;
  private final List<SandwichResult> results;
  private final BoundKind kind;
  private final int levels;

  /**
   * @param parameter the swept key
   * @param values its values
   * @param results the sandwich at each value
   * @param kind the bound the figure shows first
   * @param levels K of the swept scenario, which names its periods
   */
  public SweepReport(
      String parameter, double[] values, List<SandwichResult> results, BoundKind kind, int levels) {
    this.parameter = parameter;
    this.values = values.clone();
    this.results = List.copyOf(results);
    this.kind = kind;
    this.levels = levels;
  }

  /** One row per value: the three totals and step sizes, the H-SGD terms, validity and order. */
  public Table table() {
    return Table.create(
        "sweep of " + parameter,
        wholeNumbers()
            ? LongColumn.create(
                column(), java.util.Arrays.stream(values).mapToLong(v -> (long) v).toArray())
            : DoubleColumn.create(column(), values),
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

  /**
   * The three bounds against the swept parameter: the chosen kind solid, the other dotted where it
   * exists.
   *
   * @param name the figure's file name
   */
  public Figure figure(String name) {
    List<Curve> curves = new ArrayList<>();
    String[] labels = {
      "local SGD, P = P\u2081",
      "H-SGD",
      "local SGD, P = P" + (levels < 10 ? String.valueOf((char) ('\u2080' + levels)) : "_K")
    };
    List<java.util.function.Function<SandwichResult, BoundResult>> sides =
        List.of(SandwichResult::lower, SandwichResult::hsgd, SandwichResult::upper);
    for (BoundKind shown :
        List.of(kind, kind == BoundKind.NUMERIC ? BoundKind.CLOSED : BoundKind.NUMERIC)) {
      for (int i = 0; i < 3; i++) {
        double[] y = totals(sides.get(i), shown);
        if (java.util.Arrays.stream(y).anyMatch(Double::isFinite)) {
          String suffix =
              shown == kind ? "" : shown == BoundKind.NUMERIC ? " (numeric)" : " (closed form)";
          curves.add(
              Curve.line(
                  labels[i] + suffix, values, y, Curve.Look.of(i).withDash(shown == kind ? 0 : 2)));
        }
      }
    }
    return new Figure(
        name,
        List.of(
            Panel.of(
                symbol(), "bound on (1/T) \u03a3 E\u2016\u2207f(u\u209c)\u2016\u00b2", curves)),
        (kind == BoundKind.NUMERIC ? "numeric" : "closed-form")
            + " bounds of local SGD at P_1, H-SGD and local SGD at P_K against "
            + parameter);
  }

  /**
   * The sweep as a paper shows it: the swept value and the three bounds, closed form and numeric
   * (where it exists), each at its own optimal step size; the terms stay in the CSV.
   */
  public PaperTable paper() {
    Table full = table();
    List<String> shown =
        new ArrayList<>(List.of(column(), "lower_total", "hsgd_total", "upper_total"));
    for (String numeric : List.of("lower_numeric", "hsgd_numeric", "upper_numeric")) {
      if (full.doubleColumn(numeric).countMissing() < full.rowCount()) {
        shown.add(numeric);
      }
    }
    shown.add("sandwich_holds");
    Table selected = full.selectColumns(shown.toArray(String[]::new));
    String holds =
        violations() == 0 ? "holds at every value" : "fails at " + violations() + " value(s)";
    PaperTable.Text caption =
        new PaperTable.Text(
            "Bounds of local SGD at P_1, H-SGD and local SGD at P_K against "
                + parameter
                + ": the sandwich "
                + holds
                + ".",
            "Bounds of local SGD at $P_1$ ($B_{P_1}$), H-SGD ($B_{\\mathrm{H}}$) and local SGD at"
                + " $P_K$ ($B_{P_K}$) against "
                + Latex.text(parameter)
                + ", closed form and numeric ($B^{\\mathrm{num}}$): the sandwich "
                + holds
                + ".");
    return Tables.paper(selected, caption, List.of());
  }

  /** The swept key as a column name: I and G for the periods of two levels, P1.. otherwise. */
  public String column() {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([a-z0-9-]+)\\[(\\d+)]").matcher(parameter);
    if (m.matches()) {
      int k = Integer.parseInt(m.group(2));
      if (m.group(1).equals("periods")) {
        return levels == 2 ? (k == 1 ? "I" : "G") : "P" + k;
      }
      return m.group(1).replace('-', '_') + "_" + k;
    }
    return parameter.replace('-', '_');
  }

  private String symbol() {
    return switch (column()) {
      case "gamma" -> "step size \u03b3";
      case "sigma2" -> "\u03c3\u00b2";
      case "delta" -> "\u0394";
      case "eps2_total" -> "\u03b5\u00b2";
      default -> column();
    };
  }

  private boolean wholeNumbers() {
    return java.util.Arrays.stream(values).allMatch(v -> v == Math.rint(v) && Math.abs(v) < 0x1p62);
  }

  /** How many points break the sandwich. */
  public long violations() {
    return results.stream().filter(r -> !r.holds()).count();
  }

  private double[] totals(
      java.util.function.Function<SandwichResult, BoundResult> which, BoundKind shown) {
    return results.stream()
        .mapToDouble(
            r -> shown == BoundKind.NUMERIC ? numeric(which.apply(r)) : which.apply(r).total())
        .toArray();
  }

  private static double numeric(BoundResult r) {
    return r.numeric().map(NumericTerms::total).orElse(Double.NaN);
  }

  private DoubleColumn column(String name, ToDoubleFunction<SandwichResult> value) {
    return DoubleColumn.create(name, results.stream().mapToDouble(value));
  }
}
