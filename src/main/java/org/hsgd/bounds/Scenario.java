package org.hsgd.bounds;

import org.hsgd.InvalidInputException;
import org.hsgd.Require;

/**
 * Everything a bound depends on except the step size and the horizon.
 *
 * @param hierarchy workers, groups and periods
 * @param constants L, sigma^2, Delta
 * @param divergences eps_k^2 per level and the single-level eps^2
 */
public record Scenario(Hierarchy hierarchy, ProblemConstants constants, Divergences divergences) {

  /**
   * @throws org.hsgd.InvalidInputException if the divergences do not give one value per level, if a
   *     level that merges nothing has a positive divergence, or if n = 1 with a positive eps^2
   */
  public Scenario {
    int levels = hierarchy.levelCount();
    Require.that(
        divergences.perLevel().size() == levels,
        "eps2",
        "must give one value per level (K=" + levels + ")",
        () -> divergences.perLevel().size() + " values");
    for (int k = 1; k <= levels; k++) {
      if (!hierarchy.merges(k) && divergences.level(k) != 0) {
        throw new InvalidInputException(
            "eps2[" + k + "]",
            "must be 0 because level " + k + " merges nothing (N_" + (k - 1) + " = N_" + k + ")",
            "eps2[" + k + "]=" + divergences.level(k));
      }
    }
    Require.that(
        hierarchy.workers() > 1 || divergences.total() == 0,
        "eps2-total",
        "must be 0 when n = 1 (a single worker has no divergence)",
        () -> "eps2-total=" + divergences.total());
  }

  /** Local SGD with the given period over the same workers, constants and single-level eps^2. */
  public Scenario localSgd(long period) {
    return new Scenario(
        Hierarchy.localSgd(hierarchy.workers(), period),
        constants,
        Divergences.perLevel(new double[] {divergences.total()}, divergences.total()));
  }
}
