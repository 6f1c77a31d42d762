package org.hsgd.check;

import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Whether each bound stays above what it bounds: the time average (1/T) sum_{t&lt;T} |grad
 * f(u_t)|^2, whose expectation over the noise the theorem bounds at the run's gamma and T. Both
 * bounds are checked: the closed form B (where gamma &lt;= gamma_max) and the numeric bound (where
 * gamma &lt;= 1/L). With d_s = value_s - B_s and r_s = value_s / B_s - 1 per seed (B_s differs
 * between seeds when the grouping or the estimated constants do):
 *
 * <ul>
 *   <li>where the exact expectation is known (convex quadratics), value_s is that expectation and
 *       no confidence limit is needed: holds when every d_s &lt;= 0, violated otherwise;
 *   <li>else value_s is the measured time average of seed s, and the check holds when the one-sided
 *       upper confidence limit at 1 - level of mean d or of mean r is at most 0, is violated when
 *       the lower confidence limits of both are above 0, and is inconclusive in between or with one
 *       seed. The ratios keep a seed whose bound is far above the others from blurring the
 *       differences; taking the sharper of two tests puts the error level of a holds verdict at
 *       most twice the level.
 * </ul>
 *
 * @param rows per variant (local SGD at P_1, H-SGD, local SGD at P_K), one per bound
 * @param verdict all rows at once ({@link Verdict#all})
 * @param basis the label of the constants the bounds rest on, or empty
 */
public record BoundValidityCheck(List<Row> rows, Verdict verdict, String basis) implements Check {
  /** The closed-form bound B of THEORY.md. */
  public static final String CLOSED_FORM = "closed form";

  /** The numeric bound (docs/theory.md, section 8). */
  public static final String NUMERIC = "numeric";

  /**
   * One variant's bound against its measurement.
   *
   * @param variant the algorithm, as labelled in reports
   * @param bound {@link #CLOSED_FORM} or {@link #NUMERIC}
   * @param seeds how many seeds were measured
   * @param value mean over seeds of the bound at the run's gamma and T
   * @param measured mean over seeds of the measured time average
   * @param upperLimit the one-sided upper confidence limit of the measured mean (NaN with one seed)
   * @param exact mean over seeds of the exact expected time average (NaN where unknown)
   * @param ratio the bound over the exact expectation where known, else over the measured mean
   * @param excess how far the bound may be exceeded: max d_s against the exact expectation, else
   *     the upper confidence limit of mean d; at most 0 when the check holds
   * @param everyIteration whether the time average ran over every t &lt; T (else the checkpoints)
   * @param verdict as above
   * @param reason why, in words
   */
  public record Row(
      String variant,
      String bound,
      int seeds,
      double value,
      double measured,
      double upperLimit,
      double exact,
      double ratio,
      double excess,
      boolean everyIteration,
      Verdict verdict,
      String reason) {

    /** A bound that does not apply to a variant's runs. */
    public static Row notApplicable(String variant, String bound, String reason) {
      double nan = Double.NaN;
      return new Row(
          variant, bound, 0, nan, nan, nan, nan, nan, nan, false, Verdict.NOT_APPLICABLE, reason);
    }

    /**
     * A bound that the theorem does not guarantee at the run's gamma: its values beside the
     * measurements, for the figures, but no verdict.
     */
    public static Row beyondItsStepSize(
        String variant, String bound, double[] bounds, double[] measured, String reason) {
      double value = SeedStatistics.mean(bounds);
      double mean = SeedStatistics.mean(measured);
      double nan = Double.NaN;
      return new Row(
          variant,
          bound,
          bounds.length,
          value,
          mean,
          nan,
          nan,
          value / mean,
          nan,
          false,
          Verdict.NOT_APPLICABLE,
          reason);
    }

    /**
     * Compares per-seed bounds with per-seed time averages (index s of every array from the same
     * seed).
     *
     * @param exact the exact expected time averages, or an empty array where unknown
     * @param everyIteration whether the measured time averages ran over every t &lt; T
     */
    public static Row of(
        String variant,
        String bound,
        double[] bounds,
        double[] measured,
        double[] exact,
        boolean everyIteration,
        CheckSettings settings) {
      double value = SeedStatistics.mean(bounds);
      double mean = SeedStatistics.mean(measured);
      double upper =
          measured.length < 2 ? Double.NaN : SeedStatistics.upperLimit(measured, settings.level());
      if (exact.length > 0) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < bounds.length; s++) {
          worst = Math.max(worst, exact[s] - bounds[s]);
        }
        boolean holds = worst <= 0;
        return new Row(
            variant,
            bound,
            bounds.length,
            value,
            mean,
            upper,
            SeedStatistics.mean(exact),
            value / SeedStatistics.mean(exact),
            worst,
            everyIteration,
            holds ? Verdict.HOLDS : Verdict.VIOLATED,
            holds
                ? "the bound stays above the exact expectation on every seed"
                : "the exact expectation exceeds the bound by " + PairedOrder.number(worst));
      }
      // Paired by seed, as differences d_s and as ratios r_s: a seed whose bound is far above the
      // others (the bounds differ between seeds when their groupings or estimated constants do)
      // blurs the differences but not the ratios; equal ratios of unequal bounds blur the ratios.
      double[] d = new double[bounds.length];
      double[] r = new double[bounds.length];
      for (int s = 0; s < d.length; s++) {
        d[s] = measured[s] - bounds[s];
        r[s] = measured[s] / bounds[s] - 1;
      }
      String what = everyIteration ? "" : " (time average over the checkpoints only)";
      if (d.length < 2) {
        return new Row(
            variant,
            bound,
            1,
            value,
            mean,
            upper,
            Double.NaN,
            value / mean,
            d[0],
            everyIteration,
            Verdict.INCONCLUSIVE,
            "one seed: a confidence limit needs at least 2 seeds" + what);
      }
      double excess = SeedStatistics.upperLimit(d, settings.level());
      double confidence = 1 - settings.level();
      Verdict verdict;
      String reason;
      if (excess <= 0 || SeedStatistics.upperLimit(r, settings.level()) <= 0) {
        verdict = Verdict.HOLDS;
        reason =
            "the bound stays above the "
                + confidence
                + " upper limit of the measured mean"
                + (excess <= 0 ? "" : " (seed by seed, as a ratio to each seed's bound)");
      } else if (SeedStatistics.lowerLimit(d, settings.level()) > 0
          && SeedStatistics.lowerLimit(r, settings.level()) > 0) {
        verdict = Verdict.VIOLATED;
        reason =
            "the measurement exceeds the bound by "
                + PairedOrder.number(SeedStatistics.mean(d))
                + " (beyond its "
                + confidence
                + " confidence limit)";
      } else {
        verdict = Verdict.INCONCLUSIVE;
        reason = "the bound lies within the confidence interval of the measured mean";
      }
      return new Row(
          variant,
          bound,
          d.length,
          value,
          mean,
          upper,
          Double.NaN,
          value / mean,
          excess,
          everyIteration,
          verdict,
          reason + what);
    }
  }

  /** The check over several rows, on the exact constants. */
  public static BoundValidityCheck of(List<Row> rows) {
    return of(rows, "");
  }

  /** The check over several rows whose bounds rest on constants labelled {@code basis}. */
  public static BoundValidityCheck of(List<Row> rows, String basis) {
    return new BoundValidityCheck(
        List.copyOf(rows), Verdict.all(rows.stream().map(Row::verdict).toList()), basis);
  }

  @Override
  public String name() {
    return "bound validity";
  }

  @Override
  public String title() {
    return "bound validity: each bound against the time average of |grad f(u_t)|^2 it bounds";
  }

  @Override
  public String caption() {
    return "bound validity";
  }

  /**
   * Where no row applies and none has a value, their reasons; else empty (each row's reason is in
   * the table).
   */
  @Override
  public String reason() {
    return verdict == Verdict.NOT_APPLICABLE && !hasValues() ? detail() : "";
  }

  /** Whether a row holds a bound's value, a guarantee or not. */
  private boolean hasValues() {
    return rows.stream().anyMatch(r -> Double.isFinite(r.value()));
  }

  /** Each variant's bounds against its measured (and, where known, exact) time average. */
  @Override
  public Table table() {
    return Table.create(
        "bound-validity",
        StringColumn.create("variant", rows.stream().map(Row::variant)),
        StringColumn.create("bound", rows.stream().map(Row::bound)),
        IntColumn.create("seeds", rows.stream().mapToInt(Row::seeds).toArray()),
        DoubleColumn.create("value", rows.stream().mapToDouble(Row::value)),
        DoubleColumn.create("measured", rows.stream().mapToDouble(Row::measured)),
        DoubleColumn.create("upper_limit", rows.stream().mapToDouble(Row::upperLimit)),
        DoubleColumn.create("exact", rows.stream().mapToDouble(Row::exact)),
        DoubleColumn.create("ratio", rows.stream().mapToDouble(Row::ratio)),
        DoubleColumn.create("excess", rows.stream().mapToDouble(Row::excess)),
        StringColumn.create("verdict", rows.stream().map(r -> r.verdict().label())),
        StringColumn.create("reason", rows.stream().map(Row::reason)),
        StringColumn.create("constants", rows.stream().map(r -> Check.constantsLabel(basis))));
  }

  @Override
  public String detail() {
    if (rows.stream().allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE)) {
      if (!hasValues()) {
        return rows.stream().map(Row::reason).distinct().collect(Collectors.joining("; "));
      }
      java.util.DoubleSummaryStatistics ratios =
          rows.stream().mapToDouble(Row::ratio).filter(Double::isFinite).summaryStatistics();
      return "no bound is a guarantee at the run's gamma; bound / measured = "
          + Numbers.number(ratios.getMin())
          + " to "
          + Numbers.number(ratios.getMax());
    }
    return rows.stream()
        .map(
            r ->
                r.variant()
                    + ": "
                    + (r.verdict() == Verdict.NOT_APPLICABLE
                        ? r.reason()
                        : r.bound()
                            + " / "
                            + (Double.isNaN(r.exact()) ? "measured" : "exact")
                            + " = "
                            + Numbers.number(r.ratio())))
        .collect(Collectors.joining("; "));
  }

  @Override
  public List<String> problems(CheckSettings settings) {
    return rows.stream()
        .filter(r -> r.verdict() == Verdict.VIOLATED || r.verdict() == Verdict.INCONCLUSIVE)
        .map(
            r ->
                "bound validity "
                    + r.verdict().label()
                    + " ("
                    + r.variant()
                    + ", "
                    + r.bound()
                    + "): "
                    + r.reason())
        .toList();
  }
}
