package org.hsgd.bounds;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.Require;

/**
 * The divergence constants of assumption A3: eps_k^2 for each level (bottom first; for two levels
 * eps_down^2 then eps_up^2) and the single-level eps^2 used by the local-SGD bounds of the
 * sandwich.
 *
 * @param perLevel eps_1^2..eps_K^2
 * @param total eps^2, the single-level divergence
 * @param randomGrouping whether perLevel is the random-grouping split of total (assumption A3-RG)
 */
public record Divergences(List<Double> perLevel, double total, boolean randomGrouping) {

  /**
   * @throws org.hsgd.InvalidInputException if a value is negative or not finite
   */
  public Divergences {
    perLevel = List.copyOf(perLevel);
    for (int k = 1; k <= perLevel.size(); k++) {
      Require.nonNegativeAt("eps2", k, perLevel.get(k - 1));
    }
    Require.nonNegative("eps2-total", total);
  }

  /** Per-level divergences; the single-level eps^2 is their sum, which always bounds D(x). */
  public static Divergences perLevel(double... eps2) {
    double sum = 0;
    for (double e : eps2) {
      sum += e;
    }
    return perLevel(eps2, sum);
  }

  /** Per-level divergences with a separately known single-level eps^2. */
  public static Divergences perLevel(double[] eps2, double total) {
    List<Double> values = new ArrayList<>(eps2.length);
    for (double e : eps2) {
      values.add(e);
    }
    return new Divergences(values, total, false);
  }

  /**
   * The expected per-level divergences under uniformly random grouping with equal group sizes:
   * eps_k^2 = w_k eps^2, w_k = (N_{k-1} - N_k) / (n - 1).
   *
   * @throws org.hsgd.InvalidInputException if n = 1 (random grouping needs two workers)
   */
  public static Divergences randomGrouping(Hierarchy hierarchy, double total) {
    Require.nonNegative("eps2-total", total); // the given value, before the ones derived from it
    double[] weights = randomGroupingWeights(hierarchy);
    List<Double> values = new ArrayList<>(weights.length);
    for (double w : weights) {
      values.add(w * total);
    }
    return new Divergences(values, total, true);
  }

  /** The weights w_k = (N_{k-1} - N_k) / (n - 1), k = 1..K; they add up to 1. */
  public static double[] randomGroupingWeights(Hierarchy hierarchy) {
    int n = hierarchy.workers();
    Require.that(n >= 2, "n", "must be at least 2 for random grouping", () -> "n=" + n);
    double[] weights = new double[hierarchy.levelCount()];
    for (int k = 1; k <= weights.length; k++) {
      weights[k - 1] = (double) (hierarchy.groups(k - 1) - hierarchy.groups(k)) / (n - 1);
    }
    return weights;
  }

  /** eps_k^2 for 1 <= k <= K. */
  public double level(int k) {
    return perLevel.get(k - 1);
  }
}
