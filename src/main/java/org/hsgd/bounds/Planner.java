package org.hsgd.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks candidate hierarchies by the wall-clock time their bound needs to reach a target. The
 * divergences of every candidate are the random-grouping split of one eps^2, the only way to
 * compare groupings without measuring each.
 */
public final class Planner {
  private Planner() {}

  /**
   * @param candidates hierarchies over the same n (at least 2 workers)
   * @param constants L, sigma^2, Delta (Delta &gt; 0)
   * @param totalDivergence eps^2, split per level by random grouping
   * @param target the bound to reach
   * @param cost the cost model
   * @param kind which bound must reach the target
   * @return one plan per candidate, fastest first (ties: fewer iterations first)
   * @throws org.hsgd.InvalidInputException if a candidate or the target is invalid
   */
  public static List<Plan> rank(
      List<Hierarchy> candidates,
      ProblemConstants constants,
      double totalDivergence,
      double target,
      CostModel cost,
      BoundKind kind) {
    List<Plan> plans = new ArrayList<>(candidates.size());
    for (Hierarchy h : candidates) {
      Scenario scenario =
          new Scenario(h, constants, Divergences.randomGrouping(h, totalDivergence));
      long iterations;
      double gamma;
      double value;
      if (kind == BoundKind.NUMERIC) {
        NumericBound bound = NumericBound.of(scenario);
        iterations = bound.smallestHorizon(target);
        gamma = bound.optimalStepSize(iterations);
        value = bound.total(gamma, iterations);
      } else {
        ConvergenceBound bound = ConvergenceBound.of(scenario);
        iterations = bound.smallestHorizon(target);
        gamma = bound.optimalStepSize(iterations);
        value = bound.total(gamma, iterations);
      }
      plans.add(
          new Plan(
              h,
              gamma,
              iterations,
              value,
              Arrays.stream(h.aggregationCounts(iterations)).boxed().toList(),
              cost.seconds(h, iterations)));
    }
    plans.sort(Comparator.comparingDouble(Plan::seconds).thenComparingLong(Plan::iterations));
    return plans;
  }
}
