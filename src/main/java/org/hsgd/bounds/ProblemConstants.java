package org.hsgd.bounds;

import org.hsgd.Require;

/**
 * The constants of assumptions A1-A2 and the initial gap.
 *
 * @param smoothness L, every F_j is L-smooth (L > 0)
 * @param noiseVariance sigma^2, bound on each worker's stochastic-gradient variance
 * @param initialGap Delta = f(u_0) - f*
 */
public record ProblemConstants(double smoothness, double noiseVariance, double initialGap) {

  /**
   * @throws org.hsgd.InvalidInputException if L is not positive or sigma^2, Delta negative
   */
  public ProblemConstants {
    Require.positive("L", smoothness);
    Require.nonNegative("sigma2", noiseVariance);
    Require.nonNegative("delta", initialGap);
  }
}
