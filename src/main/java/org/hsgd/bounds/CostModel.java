package org.hsgd.bounds;

import java.util.List;
import org.hsgd.Require;

/**
 * Wall-clock cost of a run: seconds per iteration plus seconds per aggregation at each level. An
 * aggregation is charged at its highest level only (a global aggregation replaces the local one).
 *
 * @param stepSeconds seconds per iteration (every worker's local step, in parallel)
 * @param aggregationSeconds seconds per aggregation, bottom level first, the last entry being the
 *     global level. A hierarchy with fewer levels uses the top entries: local SGD pays the global
 *     cost.
 */
public record CostModel(double stepSeconds, List<Double> aggregationSeconds) {

  /**
   * @throws org.hsgd.InvalidInputException if a cost is negative or not finite, or none given
   */
  public CostModel {
    Require.nonNegative("step-seconds", stepSeconds);
    aggregationSeconds = List.copyOf(aggregationSeconds);
    Require.that(
        !aggregationSeconds.isEmpty(),
        "aggregation-seconds",
        "must list at least the global cost",
        () -> "none");
    for (int k = 1; k <= aggregationSeconds.size(); k++) {
      Require.nonNegativeAt("aggregation-seconds", k, aggregationSeconds.get(k - 1));
    }
  }

  /**
   * Seconds for T iterations of the hierarchy.
   *
   * @throws org.hsgd.InvalidInputException if the hierarchy has more levels than costs given
   */
  public double seconds(Hierarchy hierarchy, long iterations) {
    int levels = hierarchy.levelCount();
    int costs = aggregationSeconds.size();
    Require.that(
        levels <= costs,
        "aggregation-seconds",
        "must give a cost for every level of every candidate",
        () -> costs + " costs for a " + levels + "-level hierarchy");
    long[] counts = hierarchy.aggregationCounts(iterations);
    double seconds = stepSeconds * iterations;
    for (int k = 1; k <= levels; k++) {
      seconds += counts[k - 1] * aggregationSeconds.get(costs - levels + k - 1);
    }
    return seconds;
  }
}
