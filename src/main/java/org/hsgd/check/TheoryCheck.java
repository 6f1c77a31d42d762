package org.hsgd.check;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Sandwich;
import org.hsgd.bounds.Scenario;

/**
 * The order of the three bounds, local SGD at P_1 &lt;= H-SGD &lt;= local SGD at P_K, for the
 * scenario of each seed's H-SGD run: at the run's gamma and at each bound's own optimal gamma.
 *
 * @param rows one per seed and choice of gamma
 * @param verdict holds when every row is ordered, violated when one is not
 * @param reason why the check does not apply, or empty
 */
public record TheoryCheck(List<Row> rows, Verdict verdict, String reason) {

  /**
   * The three bounds of one scenario at one choice of gamma.
   *
   * @param seed the seed whose grouping gave the scenario
   * @param gammaChoice "run" (the run's gamma for all three) or "optimal" (each its own)
   * @param gammas gamma of local SGD at P_1, H-SGD and local SGD at P_K
   * @param bounds the three bounds B in the same order
   * @param guaranteed whether each gamma is within its bound's gamma_max (else no guarantee)
   * @param excess how far the order fails: max(B_1 - B_H, B_H - B_K), at most 0 when it holds
   * @param verdict holds when {@link Sandwich#ordered} says so
   */
  public record Row(
      long seed,
      String gammaChoice,
      List<Double> gammas,
      List<Double> bounds,
      List<Boolean> guaranteed,
      double excess,
      Verdict verdict) {
    public Row {
      gammas = List.copyOf(gammas);
      bounds = List.copyOf(bounds);
      guaranteed = List.copyOf(guaranteed);
    }
  }

  /** The check where no bound applies. */
  public static TheoryCheck notApplicable(String reason) {
    return new TheoryCheck(List.of(), Verdict.NOT_APPLICABLE, reason);
  }

  /**
   * Checks the scenarios of several seeds at the run's gamma and T; at the optimal gamma too where
   * Delta &gt; 0 (with Delta = 0 no bound has a minimiser).
   */
  public static TheoryCheck of(List<Long> seeds, List<Scenario> scenarios, double gamma, long T) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      Sandwich sandwich = Sandwich.of(scenarios.get(i));
      List<ConvergenceBound> three = List.of(sandwich.lower(), sandwich.hsgd(), sandwich.upper());
      rows.add(row(seeds.get(i), "run", three, List.of(gamma, gamma, gamma), T));
      if (scenarios.get(i).constants().initialGap() > 0) {
        rows.add(
            row(
                seeds.get(i),
                "optimal",
                three,
                three.stream().map(b -> b.optimalStepSize(T)).toList(),
                T));
      }
    }
    return new TheoryCheck(rows, Verdict.all(rows.stream().map(Row::verdict).toList()), "");
  }

  private static Row row(
      long seed, String choice, List<ConvergenceBound> three, List<Double> gammas, long T) {
    List<Double> bounds = new ArrayList<>();
    List<Boolean> guaranteed = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      bounds.add(three.get(k).total(gammas.get(k), T));
      guaranteed.add(three.get(k).admits(gammas.get(k)));
    }
    double lower = bounds.get(0);
    double middle = bounds.get(1);
    double upper = bounds.get(2);
    boolean ordered = Sandwich.ordered(lower, middle, upper);
    return new Row(
        seed,
        choice,
        gammas,
        bounds,
        guaranteed,
        Math.max(lower - middle, middle - upper),
        ordered ? Verdict.HOLDS : Verdict.VIOLATED);
  }
}
