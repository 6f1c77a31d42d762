package org.hsgd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.NumericTerms;
import org.hsgd.bounds.Scenario;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The three bounds of the sandwich (local SGD at P_1, H-SGD, local SGD at P_K), closed form and
 * numeric, against the top period G (T fixed) and against the horizon T (G fixed): the data of the
 * bounds figure, as a tidy table. Each bound is taken at its own optimal step size, or at a given
 * one; a bound is missing where a given step size exceeds its limit (no guarantee there) or where
 * the numeric bound's top period is too large.
 */
public final class BoundCurves {
  /** Points of the horizon axis, log-spaced. */
  private static final int HORIZONS = 25;

  private BoundCurves() {}

  /**
   * Columns: varied ("G" or "T"), G, T, gamma, algorithm (local_P1, hsgd, local_PK), bound ("closed
   * form" or "numeric"), value.
   *
   * @param hsgd the H-SGD scenario of the experiment
   */
  public static Table of(Scenario hsgd, OptionalDouble gamma, long iterations) {
    Table t =
        Table.create(
            "bound-curves",
            StringColumn.create("varied"),
            LongColumn.create("G"),
            LongColumn.create("T"),
            DoubleColumn.create("gamma"),
            StringColumn.create("algorithm"),
            StringColumn.create("bound"),
            DoubleColumn.create("value"));
    long[] periods = hsgd.hierarchy().periods();
    long below = periods[periods.length - 2];
    TreeSet<Long> tops = new TreeSet<>();
    for (long g = 2 * below; g <= iterations; g *= 2) {
      tops.add(g);
    }
    tops.add(hsgd.hierarchy().topPeriod());
    for (long g : tops) {
      add(t, "G", withTop(hsgd, g), gamma, iterations);
    }
    for (long horizon : horizons(hsgd.hierarchy().topPeriod(), iterations)) {
      add(t, "T", hsgd, gamma, horizon);
    }
    return t;
  }

  private static void add(
      Table t, String varied, Scenario hsgd, OptionalDouble gamma, long iterations) {
    List<Scenario> sides =
        List.of(
            hsgd.localSgd(hsgd.hierarchy().bottomPeriod()),
            hsgd,
            hsgd.localSgd(hsgd.hierarchy().topPeriod()));
    String[] algorithms = {"local_P1", "hsgd", "local_PK"};
    for (int i = 0; i < 3; i++) {
      Scenario s = sides.get(i);
      ConvergenceBound closed = ConvergenceBound.of(s);
      double closedGamma = gamma.orElseGet(() -> closed.optimalStepSize(iterations));
      double closedValue =
          closed.admits(closedGamma) ? closed.total(closedGamma, iterations) : Double.NaN;
      row(t, varied, hsgd, closedGamma, iterations, algorithms[i], "closed form", closedValue);
      if (s.hierarchy().topMergingPeriod() <= NumericBound.MAX_TOP_PERIOD) {
        NumericBound numeric = NumericBound.of(s);
        double numericGamma = gamma.orElseGet(() -> numeric.optimalStepSize(iterations));
        NumericTerms terms = numeric.terms(numericGamma, iterations);
        double value = terms.stepSizeValid() ? terms.total() : Double.NaN;
        row(t, varied, hsgd, numericGamma, iterations, algorithms[i], "numeric", value);
      }
    }
  }

  private static void row(
      Table t,
      String varied,
      Scenario hsgd,
      double gamma,
      long iterations,
      String algorithm,
      String bound,
      double value) {
    t.stringColumn("varied").append(varied);
    t.longColumn("G").append(hsgd.hierarchy().topPeriod());
    t.longColumn("T").append(iterations);
    t.doubleColumn("gamma").append(gamma);
    t.stringColumn("algorithm").append(algorithm);
    t.stringColumn("bound").append(bound);
    t.doubleColumn("value").append(value);
  }

  /** The scenario with top period {@code top}. */
  private static Scenario withTop(Scenario s, long top) {
    Hierarchy h = s.hierarchy();
    long[] periods = h.periods();
    periods[periods.length - 1] = top;
    return new Scenario(
        Hierarchy.of(h.workers(), h.groupCountsBelowTop(), periods),
        s.constants(),
        s.divergences());
  }

  /** From the top period to 100 T, log-spaced, with T itself. */
  private static List<Long> horizons(long top, long iterations) {
    TreeSet<Long> values = new TreeSet<>();
    double from = Math.log(Math.max(top, 1));
    double to = Math.log(100.0 * iterations);
    for (int i = 0; i < HORIZONS; i++) {
      values.add(Math.round(Math.exp(from + (to - from) * i / (HORIZONS - 1))));
    }
    values.add(iterations);
    return new ArrayList<>(values);
  }
}
