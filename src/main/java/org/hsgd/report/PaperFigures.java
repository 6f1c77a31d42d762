package org.hsgd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hsgd.figure.Curve;
import org.hsgd.figure.Figure;
import org.hsgd.figure.Panel;
import org.hsgd.figure.SeedBand;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The paper's figures, each drawn from a tidy table, so that {@code hsgd check} draws them from the
 * tables it computed and {@code hsgd plot} from the same tables read back from disk:
 *
 * <ul>
 *   <li>{@link #bounds}: the three bounds against G and against T (from {@link BoundCurves});
 *   <li>{@link #training}: training loss, test accuracy or |grad f|^2 against t for the three
 *       algorithms, the mean over seeds with a band (from {@link TidyTables#trace});
 *   <li>{@link #divergences}: H-SGD's upward and downward divergences against t, one pair of curves
 *       per grouping (from one or several traces);
 *   <li>{@link #boundVsMeasured}: each bound beside the measured time average of |grad f|^2 (from
 *       the bound-validity table of a check);
 *   <li>{@link #againstGridKey}: the measured time average of |grad f|^2 of each algorithm against
 *       a key of a study's grid, with its bound beside it (from a study's stacked runs table).
 * </ul>
 */
public final class PaperFigures {
  private static final String[] ALGORITHMS = {"local_P1", "hsgd", "local_PK"};

  private PaperFigures() {}

  /**
   * One panel per metric that the trace holds, against the iteration, for each algorithm: the mean
   * over seeds and a band.
   */
  public static Figure training(Table trace, List<TraceMetric> metrics, SeedBand band) {
    List<Panel> panels = new ArrayList<>();
    for (TraceMetric metric : metrics) {
      if (!trace.columnNames().contains(metric.column())) {
        continue;
      }
      List<Curve> curves = new ArrayList<>();
      for (int i = 0; i < ALGORITHMS.length; i++) {
        String algorithm = ALGORITHMS[i];
        Table rows = rows(trace, r -> trace.getString(r, "algorithm").equals(algorithm));
        if (rows.rowCount() > 0) {
          curves.add(
              overSeeds(algorithmLabel(rows), rows, metric.column(), band, Curve.Look.of(i)));
        }
      }
      panels.add(Panel.of("iteration t", metric.label(), curves));
    }
    return new Figure(
        "training",
        panels,
        "training curves of local SGD at P_1, H-SGD and local SGD at P_K: mean over seeds, "
            + band.caption());
  }

  /**
   * H-SGD's downward (dashed) and upward (solid) divergence against t, one colour per grouping of
   * the traces given (for example group-IID and group-non-IID runs concatenated); empty without a
   * two-level H-SGD run.
   */
  public static Optional<Figure> divergences(Table trace, SeedBand band) {
    if (!trace.columnNames().contains("div_up")) {
      return Optional.empty();
    }
    Table hsgd = rows(trace, r -> trace.getString(r, "algorithm").equals("hsgd"));
    List<String> groupings = distinct(hsgd, "grouping");
    List<Curve> curves = new ArrayList<>();
    for (int g = 0; g < groupings.size(); g++) {
      String grouping = groupings.get(g);
      Table rows = rows(hsgd, r -> hsgd.getString(r, "grouping").equals(grouping));
      Curve.Look look = Curve.Look.of(g);
      curves.add(overSeeds("upward, " + grouping, rows, "div_up", band, look.withDash(0)));
      curves.add(overSeeds("downward, " + grouping, rows, "div_down", band, look.withDash(1)));
    }
    return Optional.of(
        new Figure(
            "divergences",
            List.of(Panel.of("iteration t", "divergence at u\u209c", curves)),
            "H-SGD's upward (solid) and downward (dashed) divergences by grouping: mean over"
                + " seeds, "
                + band.caption()));
  }

  /** The three bounds against G (T fixed) and against T (G fixed), closed form and numeric. */
  public static Figure bounds(Table curves) {
    List<Panel> panels = new ArrayList<>();
    for (String varied : List.of("G", "T")) {
      Table rows = rows(curves, r -> curves.getString(r, "varied").equals(varied));
      List<Curve> lines = new ArrayList<>();
      for (String bound : List.of("closed form", "numeric")) {
        boolean closed = bound.equals("closed form");
        for (int i = 0; i < ALGORITHMS.length; i++) {
          String algorithm = ALGORITHMS[i];
          Table one =
              rows(
                  rows,
                  r ->
                      rows.getString(r, "algorithm").equals(algorithm)
                          && rows.getString(r, "bound").equals(bound)
                          && Double.isFinite(rows.numberColumn("value").getDouble(r)));
          if (one.rowCount() > 0) {
            Curve.Look look = Curve.Look.of(i).withDash(closed ? 0 : 2);
            lines.add(
                Curve.line(
                    sideLabel(algorithm) + (closed ? "" : " (numeric)"),
                    one.numberColumn(varied).asDoubleArray(),
                    one.numberColumn("value").asDoubleArray(),
                    closed ? look : look.unlisted()));
          }
        }
      }
      if (lines.stream().anyMatch(c -> !c.look().inLegend())) {
        // One legend entry for the dotted style: a single point draws no line.
        Curve any = lines.get(0);
        lines.add(
            Curve.line(
                "numeric bound (dotted)",
                new double[] {any.x()[0]},
                new double[] {any.y()[0]},
                new Curve.Look(2, 2, true, true)));
      }
      panels.add(
          Panel.of(varied, "bound on (1/T) \u03a3 E\u2016\u2207f(u\u209c)\u2016\u00b2", lines));
    }
    return new Figure(
        "bounds",
        panels,
        "the bounds of local SGD at P_1, H-SGD and local SGD at P_K against G (T = "
            + curves.getString(0, "T")
            + ") and against T (G = "
            + lastOf(curves, "G")
            + "), each at the step size in bound-curves.csv; closed form solid, numeric dotted"
            + constantsOf(curves));
  }

  /**
   * ", from estimated constants": where a table's bounds come from, if it says (older ones do not).
   */
  private static String constantsOf(Table table) {
    return table.columnNames().contains("constants") && table.rowCount() > 0
        ? ", from " + table.getString(0, "constants")
        : "";
  }

  /**
   * Per algorithm: the closed-form and the numeric bound, the measured time average of |grad
   * f(u_t)|^2 (mean over seeds, error bar to its one-sided 95 % upper confidence limit) and, where
   * known, its exact expectation; empty when no bound can be evaluated. A bound that is no
   * guarantee at the run's gamma (its row not applicable) is drawn and labelled so.
   */
  public static Optional<Figure> boundVsMeasured(Table validity) {
    Table applied =
        rows(validity, r -> Double.isFinite(validity.numberColumn("value").getDouble(r)));
    if (applied.rowCount() == 0) {
      return Optional.empty();
    }
    List<String> variants = distinct(applied, "variant");
    double[] x = new double[variants.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    List<Curve> curves = new ArrayList<>();
    int look = 0;
    for (String bound : List.of("closed form", "numeric")) {
      double[] value = perVariant(applied, variants, bound, "value");
      if (java.util.Arrays.stream(value).noneMatch(Double::isFinite)) {
        look++;
        continue;
      }
      boolean unguaranteed =
          applied.columnNames().contains("verdict")
              && rows(
                          applied,
                          r ->
                              applied.getString(r, "bound").equals(bound)
                                  && applied.getString(r, "verdict").equals("not applicable"))
                      .rowCount()
                  > 0;
      String label = bound + " bound" + (unguaranteed ? " (no guarantee at this \u03b3)" : "");
      curves.add(Curve.line(label, x, value, Curve.Look.of(look++).asPoints()));
    }
    double[] measured = perVariant(applied, variants, null, "measured");
    double[] upper = perVariant(applied, variants, null, "upper_limit");
    double[] low = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      low[i] = measured[i] - (upper[i] - measured[i]);
    }
    curves.add(
        new Curve(
            "measured (mean, 95 % limit)", x, measured, low, upper, Curve.Look.of(2).asPoints()));
    if (applied.columnNames().contains("exact")) {
      double[] exact = perVariant(applied, variants, null, "exact");
      if (java.util.Arrays.stream(exact).allMatch(Double::isFinite)) {
        curves.add(Curve.line("exact expectation", x, exact, Curve.Look.of(3).asPoints()));
      }
    }
    return Optional.of(
        new Figure(
            "bound-vs-measured",
            List.of(
                new Panel("", "(1/T) \u03a3 \u2016\u2207f(u\u209c)\u2016\u00b2", curves, variants)),
            "each bound beside the measured time average of |grad f(u_t)|^2 (mean over seeds,"
                + " error bar to the one-sided 95 % upper confidence limit) and, where known,"
                + " its exact expectation"
                + constantsOf(applied)));
  }

  /** The long dash of a bound drawn beside a measured curve: no measured curve uses it. */
  private static final int BOUND_DASH = 4;

  /**
   * One panel against the iteration t: each variant's running time average (1/t) sum_{s&lt;t} |grad
   * f(u_s)|^2 (mean over seeds, with a band) and, dashed in its colour, its bound at horizon t
   * (mean over seeds; the numeric bound where it can be evaluated, else the closed form), labelled
   * where the bound is no guarantee at the run's gamma.
   *
   * @param curves a check's time-average curves (columns variant, seed, iteration,
   *     mean_grad_norm_sq, bound_closed, bound_numeric, closed_guaranteed, numeric_guaranteed,
   *     constants)
   */
  public static Figure timeAverages(Table curves, SeedBand band) {
    List<String> variants = distinct(curves, "variant");
    List<Curve> lines = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    boolean anyUnguaranteed = false;
    for (int i = 0; i < variants.size(); i++) {
      String variant = variants.get(i);
      Table rows = rows(curves, r -> curves.getString(r, "variant").equals(variant));
      Curve.Look look = Curve.Look.of(i);
      lines.add(overSeeds(variant, rows, "mean_grad_norm_sq", band, look));
      boolean numeric =
          java.util.Arrays.stream(rows.numberColumn("bound_numeric").asDoubleArray())
              .allMatch(Double::isFinite);
      String kind = numeric ? "numeric" : "closed";
      kinds.add(variant + ": " + (numeric ? "numeric" : "closed form"));
      anyUnguaranteed |= !yes(rows, kind + "_guaranteed");
      Curve bound =
          overSeeds(variant, rows, "bound_" + kind, band, look.withDash(BOUND_DASH).unlisted());
      lines.add(Curve.line(bound.label(), bound.x(), bound.y(), bound.look())); // no band
    }
    // One legend entry for the bounds: each is drawn long-dashed in its variant's colour.
    Curve any = lines.get(1);
    lines.add(
        Curve.line(
            "its bound" + (anyUnguaranteed ? " (no guarantee at this \u03b3)" : ""),
            new double[] {any.x()[0]},
            new double[] {any.y()[0]},
            new Curve.Look(2, BOUND_DASH, true, true)));
    return new Figure(
        "time-averages",
        List.of(Panel.of("iteration t", "(1/t) \u03a3 \u2016\u2207f(u\u209b)\u2016\u00b2", lines)),
        "running time average of |grad f(u_s)|^2 over s < t at each checkpoint t (solid: mean over"
            + " seeds, "
            + band.caption()
            + ") and, long-dashed in the same colour, each variant's bound at horizon t and the"
            + " run's gamma (mean over seeds; "
            + String.join(", ", kinds)
            + ")"
            + constantsOf(curves)
            + (anyUnguaranteed ? "; not a guarantee at the run's gamma" : ""));
  }

  /** Whether every row of a yes/no column (read back as text or as booleans) says yes. */
  private static boolean yes(Table rows, String column) {
    for (int r = 0; r < rows.rowCount(); r++) {
      Object value = rows.column(column).get(r);
      if (!(Boolean.TRUE.equals(value) || "yes".equals(value))) {
        return false;
      }
    }
    return true;
  }

  /** The most panels a figure against a grid key gets: one per value of the other keys. */
  private static final int MAX_PANELS = 4;

  /**
   * The measured time average of |grad f(u_t)|^2 of each algorithm (mean over seeds, with a band)
   * against the values of one grid key, and beside it, dashed in the same colour, the mean over
   * seeds of its closed-form bound where one applies; one panel per combination of the other grid
   * keys. A key's value is a number, or a list whose last element counts (for {@code periods}: G).
   * Empty when the key takes fewer than two numeric values, or the others more than {@value
   * #MAX_PANELS} combinations.
   *
   * @param runs a study's stacked runs table (columns point, the grid keys, algorithm, seed,
   *     mean_grad_norm_sq, bound)
   * @param keys the study's grid keys, {@code key} among them
   */
  public static Optional<Figure> againstGridKey(
      Table runs, String key, List<String> keys, SeedBand band) {
    List<String> others = keys.stream().filter(k -> !k.equals(key)).toList();
    Map<String, List<Integer>> panelsRows = new LinkedHashMap<>();
    java.util.Set<Double> xs = new java.util.TreeSet<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      double x = gridNumber(runs.getString(r, key));
      if (Double.isNaN(x)) {
        return Optional.empty();
      }
      xs.add(x);
      int row = r;
      String combination =
          others.stream()
              .map(k -> valueLabel(k, runs.getString(row, k)))
              .collect(java.util.stream.Collectors.joining(", "));
      panelsRows.computeIfAbsent(combination, c -> new ArrayList<>()).add(r);
    }
    if (xs.size() < 2 || panelsRows.size() > MAX_PANELS) {
      return Optional.empty();
    }
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> panel : panelsRows.entrySet()) {
      List<Curve> curves = new ArrayList<>();
      for (int i = 0; i < ALGORITHMS.length; i++) {
        String algorithm = ALGORITHMS[i];
        Table rows =
            rows(
                runs,
                r ->
                    panel.getValue().contains(r)
                        && runs.getString(r, "algorithm").equals(algorithm));
        if (rows.rowCount() > 0) {
          curves.addAll(measuredAndBound(rows, key, sideLabel(algorithm), band, i));
        }
      }
      String xLabel = symbol(key) + (panel.getKey().isEmpty() ? "" : "   at " + panel.getKey());
      panels.add(Panel.of(xLabel, "(1/T) \u03a3 \u2016\u2207f(u\u209c)\u2016\u00b2", curves));
    }
    return Optional.of(
        new Figure(
            "study-" + key.replaceAll("[^A-Za-z0-9]+", "-"),
            panels,
            "the measured time average of |grad f(u_t)|^2 against "
                + key
                + ": mean over seeds, "
                + band.caption()
                + "; dashed, the closed-form bound of the same algorithm (mean over seeds) where one"
                + " applies"));
  }

  /** One algorithm's measured curve against the key, and its bound's where finite. */
  private static List<Curve> measuredAndBound(
      Table rows, String key, String label, SeedBand band, int tone) {
    Map<Double, List<double[]>> byX = new java.util.TreeMap<>();
    for (int r = 0; r < rows.rowCount(); r++) {
      byX.computeIfAbsent(gridNumber(rows.getString(r, key)), x -> new ArrayList<>())
          .add(
              new double[] {
                rows.numberColumn("mean_grad_norm_sq").getDouble(r),
                rows.containsColumn("bound") ? rows.numberColumn("bound").getDouble(r) : Double.NaN
              });
    }
    int seeds = byX.values().iterator().next().size();
    byX.values().removeIf(v -> v.size() != seeds); // a point whose seeds did not all run
    double[] x = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    double[][] measured = new double[seeds][x.length];
    double[] bound = new double[x.length];
    int i = 0;
    for (List<double[]> values : byX.values()) {
      for (int s = 0; s < seeds; s++) {
        measured[s][i] = values.get(s)[0];
        bound[i] += values.get(s)[1] / seeds;
      }
      i++;
    }
    List<Curve> curves = new ArrayList<>();
    curves.add(Curve.overSeeds(label, x, measured, band, Curve.Look.of(tone)));
    if (java.util.Arrays.stream(bound).allMatch(Double::isFinite)) {
      curves.add(Curve.line("bound, " + label, x, bound, Curve.Look.of(tone).withDash(tone + 3)));
    }
    return curves;
  }

  /** A grid value as a number: itself, or the last element of a list ("[4, 16]" is 16). */
  private static double gridNumber(String value) {
    String v = value.trim();
    if (v.startsWith("[") && v.endsWith("]")) {
      String[] parts = v.substring(1, v.length() - 1).split(",");
      v = parts[parts.length - 1].trim();
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A grid value in a panel's label: "γ = 0.01", "(I, G) = (4, 16)", "batch = 8". */
  private static String valueLabel(String key, String value) {
    String[] periods = value.replaceAll("[\\[\\] ]", "").split(",");
    if (key.equals("periods") && periods.length == 2) {
      return "(I, G) = (" + periods[0] + ", " + periods[1] + ")";
    }
    return symbol(key) + " = " + value;
  }

  /** How a grid key reads on an axis: γ, G (the top period), T, or the key itself. */
  private static String symbol(String key) {
    return switch (key) {
      case "gamma" -> "\u03b3";
      case "periods" -> "G";
      default -> key;
    };
  }

  private static double[] perVariant(Table t, List<String> variants, String bound, String column) {
    double[] values = new double[variants.size()];
    java.util.Arrays.fill(values, Double.NaN);
    for (int r = 0; r < t.rowCount(); r++) {
      int i = variants.indexOf(t.getString(r, "variant"));
      if (bound == null || t.getString(r, "bound").equals(bound)) {
        values[i] = t.numberColumn(column).getDouble(r);
      }
    }
    return values;
  }

  /** The mean over seeds of a column against the iteration, with a band. */
  private static Curve overSeeds(
      String label, Table rows, String column, SeedBand band, Curve.Look look) {
    Map<String, List<double[]>> bySeed = new LinkedHashMap<>();
    for (int r = 0; r < rows.rowCount(); r++) {
      bySeed
          .computeIfAbsent(rows.getString(r, "seed"), k -> new ArrayList<>())
          .add(
              new double[] {
                rows.numberColumn("iteration").getDouble(r), rows.numberColumn(column).getDouble(r)
              });
    }
    List<double[]> first = bySeed.values().iterator().next();
    double[] x = first.stream().mapToDouble(p -> p[0]).toArray();
    double[][] seeds =
        bySeed.values().stream()
            .map(points -> points.stream().mapToDouble(p -> p[1]).toArray())
            .toArray(double[][]::new);
    return Curve.overSeeds(label, x, seeds, band, look);
  }

  /** "H-SGD, I = 4, G = 16" or "local SGD, P = 4", from the period columns of the first row. */
  private static String algorithmLabel(Table rows) {
    List<String> periods = new ArrayList<>();
    for (Column<?> c : rows.columns()) {
      if (c.name().equals("I") || c.name().equals("G") || c.name().matches("P\\d+")) {
        periods.add(c.name());
      }
    }
    if (!rows.getString(0, "algorithm").equals("hsgd")) {
      return "local SGD, P = " + rows.getString(0, periods.get(0));
    }
    if (periods.equals(List.of("I", "G"))) {
      return "H-SGD, I = " + rows.getString(0, "I") + ", G = " + rows.getString(0, "G");
    }
    List<String> values = periods.stream().map(p -> rows.getString(0, p)).toList();
    return "H-SGD, P = " + String.join("/", values);
  }

  private static String sideLabel(String algorithm) {
    return switch (algorithm) {
      case "local_P1" -> "local SGD, P = P\u2081";
      case "hsgd" -> "H-SGD";
      default -> "local SGD, P = G";
    };
  }

  private static String lastOf(Table t, String column) {
    return t.getString(t.rowCount() - 1, column);
  }

  private static Table rows(Table t, Predicate<Integer> keep) {
    List<Integer> chosen = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      if (keep.test(r)) {
        chosen.add(r);
      }
    }
    return t.where(Selection.with(chosen.stream().mapToInt(Integer::intValue).toArray()));
  }

  private static List<String> distinct(Table t, String column) {
    List<String> values = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String v = t.getString(r, column);
      if (!values.contains(v)) {
        values.add(v);
      }
    }
    return values;
  }
}
