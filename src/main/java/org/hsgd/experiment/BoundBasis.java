package org.hsgd.experiment;

import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.RunSettings;

/**
 * The bridge from a run to the bound calculator: the scenario whose bound applies to the run, or
 * the reason why none does.
 */
public sealed interface BoundBasis {

  /**
   * The run's scenario: its hierarchy and exact constants.
   *
   * @param initialGapIsUpperBound whether Delta is an upper bound (non-convex variant), which keeps
   *     the bound valid
   */
  record Available(Scenario scenario, boolean initialGapIsUpperBound) implements BoundBasis {}

  /** Why the theorem says nothing about the run. */
  record Unavailable(String reason) implements BoundBasis {}

  /** The basis of a run made with the given settings. */
  static BoundBasis of(Run run, RunSettings settings) {
    if (settings.weighting() != RunSettings.Weighting.UNIFORM) {
      return new Unavailable(
          "weighting: samples; the closed-form and numeric bounds are derived for uniform weights,"
              + " f = (1/n) sum_j F_j, and are not applied to sample-weighted runs (the measured"
              + " sandwich still is)");
    }
    if (run.exactConstants().isEmpty()) {
      return new Unavailable(
          "L, sigma^2, Delta and eps_k^2 are known exactly only for the quadratic problems");
    }
    if (settings.partialParticipation()) {
      return new Unavailable("partial participation, which the theorem does not cover");
    }
    Grouping g = run.grouping();
    if (!g.equalGroups()) {
      return new Unavailable("unequal groups: the theorem is stated for equal groups per level");
    }
    ExactConstants c = run.exactConstants().get();
    return new Available(
        new Scenario(
            hierarchy(g),
            new ProblemConstants(c.smoothness(), c.noiseVariance(), c.initialGap()),
            Divergences.perLevel(
                c.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
                c.divergenceTotal())),
        c.initialGapIsUpperBound());
  }

  private static Hierarchy hierarchy(Grouping g) {
    int[] groups = new int[g.levelCount() - 1];
    long[] periods = new long[g.levelCount()];
    for (int k = 1; k <= g.levelCount(); k++) {
      periods[k - 1] = g.period(k);
      if (k < g.levelCount()) {
        groups[k - 1] = g.groupCount(k);
      }
    }
    return Hierarchy.of(g.workers(), groups, periods);
  }
}
