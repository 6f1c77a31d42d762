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
   * Magnitudes beyond which the bound's arithmetic (products like L^2 sigma^2 gamma^2 and roots of
   * its cubic) would overflow or lose every digit: far outside any real problem.
   */
  public static final double MAX_MAGNITUDE = 1e100;

  /**
   * @throws org.hsgd.InvalidInputException if L is not positive or sigma^2, Delta negative, or a
   *     value (a positive one) lies outside [1/MAX_MAGNITUDE, MAX_MAGNITUDE]
   */
  public ProblemConstants {
    Require.positive("L", smoothness);
    Require.nonNegative("sigma2", noiseVariance);
    Require.nonNegative("delta", initialGap);
    inRange("L", smoothness, "must lie in [1e-100, 1e100]");
    inRange("sigma2", noiseVariance, "must be 0 or lie in [1e-100, 1e100]");
    inRange("delta", initialGap, "must be 0 or lie in [1e-100, 1e100]");
  }

  private static void inRange(String field, double value, String rule) {
    Require.that(
        value == 0 || (value >= 1 / MAX_MAGNITUDE && value <= MAX_MAGNITUDE),
        field,
        rule,
        () -> field + "=" + value);
  }
}
