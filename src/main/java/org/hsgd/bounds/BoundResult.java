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
 * @param numeric the numeric bound of the same algorithm at the same T: at the same gamma, or at
 *     its own optimal gamma when the query asks for optimal step sizes (empty when P_top exceeds
 *     {@link NumericBound#MAX_TOP_PERIOD})
 * @param numericHorizonForTarget the smallest T at which the numeric bound reaches the target, if
 *     one was asked and is reachable
 */
public record BoundResult(
    double stepSize,
    double stepSizeLimit,
    boolean stepSizeValid,
    BoundTerms terms,
    OptionalLong horizonForTarget,
    java.util.Optional<NumericTerms> numeric,
    OptionalLong numericHorizonForTarget) {

  /** B. */
  public double total() {
    return terms.total();
  }
}
