package org.hsgd.sim;

import java.util.List;

/**
 * The constants of THEORY.md for a simulated problem, exact where the problem allows.
 *
 * @param smoothness L
 * @param noiseVariance sigma^2 (A2 holds with equality)
 * @param initialGap Delta = f(u_0) - f*, or an upper bound on it when initialGapIsUpperBound
 * @param initialGapIsUpperBound true for the non-convex variant, whose f* is only bounded below
 * @param divergencePerLevel eps_k^2 for the grouping used (exact: grad F_j - grad f is constant)
 * @param divergenceTotal eps^2, the single-level divergence
 */
public record ExactConstants(
    double smoothness,
    double noiseVariance,
    double initialGap,
    boolean initialGapIsUpperBound,
    List<Double> divergencePerLevel,
    double divergenceTotal) {

  public ExactConstants {
    divergencePerLevel = List.copyOf(divergencePerLevel);
  }
}
