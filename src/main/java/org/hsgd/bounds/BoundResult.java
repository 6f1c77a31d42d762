package org.hsgd.bounds;

import java.util.OptionalLong;

/**
 * One bound evaluated at a step size and horizon.
 *
 * @param stepSize gamma used
 * @param stepSizeLimit gamma_max of this bound
 * @param stepSizeValid whether gamma &lt;= gamma_max, i.e. the value is a proven guarantee
 * @param terms the four terms
 * @param horizonForTarget the smallest T reaching the query's target, if one was asked and is
 *     reachable at this step size
 */
public record BoundResult(
    double stepSize,
    double stepSizeLimit,
    boolean stepSizeValid,
    BoundTerms terms,
    OptionalLong horizonForTarget) {

  /** B. */
  public double total() {
    return terms.total();
  }
}
