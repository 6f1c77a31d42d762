package org.hsgd.bounds;

import java.util.List;

/**
 * One candidate hierarchy's fastest way to a target: the smallest T (under its optimal step size)
 * whose bound reaches the target, and what T costs.
 *
 * @param hierarchy the candidate
 * @param stepSize the optimal gamma at that T
 * @param iterations the smallest T reaching the target
 * @param bound B at (gamma, T)
 * @param aggregations aggregations per level whose highest level is that level, bottom first
 * @param seconds wall-clock time from the cost model
 */
public record Plan(
    Hierarchy hierarchy,
    double stepSize,
    long iterations,
    double bound,
    List<Long> aggregations,
    double seconds) {

  /**
   * @param aggregations copied
   */
  public Plan {
    aggregations = List.copyOf(aggregations);
  }
}
